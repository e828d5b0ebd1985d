-- Schema and data of the "dashboard" MariaDB sample (samples/mariadb-dashboard/), the MariaDB twin of
-- postgres-dashboard-schema.sql: the same four tables and row counts (20k users, 5k products,
-- 1M orders, 2M order_items). Used by samples/scripts/record-mariadb-samples.sh.
--
-- Data comes from MariaDB's built-in SEQUENCE engine (seq_1_to_N tables). Every RAND(N) call has a
-- constant seed of its own, so each column gets a repeatable sequence of values run after run.
--
-- Deliberate problems, the ones a real application often has:
--   orders has no index on user_id: the dashboard's per-user queries read all 1M rows;
--   order_items has no index on order_id: the per-order item lookups (the N+1) read all 2M rows.
-- There are no FOREIGN KEY constraints: InnoDB would create an index for each one, and many
-- applications on MySQL/MariaDB leave the constraints (and with them the indexes) out.
DROP TABLE IF EXISTS order_items, orders, products, users;

CREATE TABLE users (
    id          BIGINT PRIMARY KEY,
    email       VARCHAR(100) NOT NULL,
    name        VARCHAR(100) NOT NULL,
    created_at  DATETIME NOT NULL
) ENGINE=InnoDB;
CREATE TABLE products (
    id        BIGINT PRIMARY KEY,
    name      VARCHAR(100) NOT NULL,
    category  VARCHAR(20) NOT NULL,
    price     DECIMAL(10,2) NOT NULL
) ENGINE=InnoDB;
CREATE TABLE orders (
    id          BIGINT PRIMARY KEY,
    user_id     BIGINT NOT NULL,
    status      VARCHAR(16) NOT NULL,
    created_at  DATETIME NOT NULL,
    total       DECIMAL(12,2) NOT NULL
) ENGINE=InnoDB;
CREATE TABLE order_items (
    id          BIGINT PRIMARY KEY,
    order_id    BIGINT NOT NULL,
    product_id  BIGINT NOT NULL,
    quantity    INT NOT NULL,
    unit_price  DECIMAL(10,2) NOT NULL
) ENGINE=InnoDB;

INSERT INTO users
SELECT seq, CONCAT('user', seq, '@example.com'), CONCAT('User ', seq), '2024-01-01' + INTERVAL (seq % 365) DAY
FROM seq_1_to_20000;

INSERT INTO products
SELECT seq, CONCAT('Product ', seq), ELT(1 + seq % 5, 'books', 'garden', 'toys', 'kitchen', 'featured'),
       ROUND(1 + RAND(11) * 199, 2)
FROM seq_1_to_5000;

INSERT INTO orders
SELECT seq, 1 + FLOOR(RAND(21) * 20000), ELT(1 + FLOOR(RAND(22) * 5), 'new', 'paid', 'shipped', 'delivered', 'cancelled'),
       '2025-01-01 00:00:00' + INTERVAL FLOOR(RAND(23) * 365 * 86400) SECOND, ROUND(5 + RAND(24) * 495, 2)
FROM seq_1_to_1000000;

INSERT INTO order_items
SELECT seq, 1 + (seq - 1) DIV 2, 1 + FLOOR(RAND(31) * 5000), 1 + FLOOR(RAND(32) * 4), ROUND(1 + RAND(33) * 199, 2)
FROM seq_1_to_2000000;

ANALYZE TABLE users, products, orders, order_items;
