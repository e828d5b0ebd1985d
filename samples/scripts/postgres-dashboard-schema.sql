-- Schema and data of the "dashboard" PostgreSQL sample (samples/postgres-dashboard/).
-- Used by samples/scripts/record-postgres-samples.sh and by the integration test that applies
-- evident's CREATE INDEX suggestion (cli/src/test/.../PostgresIndexSuggestionTest.java), so both
-- see the same tables, row counts and statistics. setseed() makes random() repeatable.
--
-- Deliberate problems, the ones a real application often has:
--   orders has no index on user_id: the dashboard's per-user queries scan 1M rows;
--   order_items has no index on its foreign key order_id (PostgreSQL does not create one);
--   the admin export sorts half of the orders table with the default work_mem (4MB).
DROP TABLE IF EXISTS order_items, orders, products, users;

CREATE TABLE users (
    id          bigint PRIMARY KEY,
    email       text NOT NULL,
    name        text NOT NULL,
    created_at  timestamptz NOT NULL
);
CREATE TABLE products (
    id        bigint PRIMARY KEY,
    name      text NOT NULL,
    category  text NOT NULL,
    price     numeric(10,2) NOT NULL
);
CREATE TABLE orders (
    id          bigint PRIMARY KEY,
    user_id     bigint NOT NULL REFERENCES users(id),
    status      text NOT NULL,
    created_at  timestamptz NOT NULL,
    total       numeric(12,2) NOT NULL
);
CREATE TABLE order_items (
    id          bigint PRIMARY KEY,
    order_id    bigint NOT NULL REFERENCES orders(id),
    product_id  bigint NOT NULL REFERENCES products(id),
    quantity    int NOT NULL,
    unit_price  numeric(10,2) NOT NULL
);

SELECT setseed(0.42);
INSERT INTO users
SELECT g, 'user' || g || '@example.com', 'User ' || g, timestamptz '2024-01-01' + (g % 365) * interval '1 day'
FROM generate_series(1, 20000) g;

INSERT INTO products
SELECT g, 'Product ' || g, (ARRAY['books', 'garden', 'toys', 'kitchen', 'featured'])[1 + g % 5],
       round((1 + random() * 199)::numeric, 2)
FROM generate_series(1, 5000) g;

INSERT INTO orders
SELECT g, 1 + floor(random() * 20000)::int, (ARRAY['new', 'paid', 'shipped', 'delivered', 'cancelled'])[1 + floor(random() * 5)::int],
       timestamptz '2025-01-01 00:00:00+00' + random() * interval '365 days', round((5 + random() * 495)::numeric, 2)
FROM generate_series(1, 1000000) g;

INSERT INTO order_items
SELECT g, 1 + (g - 1) / 2, 1 + floor(random() * 5000)::int, 1 + floor(random() * 4)::int, round((1 + random() * 199)::numeric, 2)
FROM generate_series(1, 2000000) g;

VACUUM ANALYZE users, products, orders, order_items;
