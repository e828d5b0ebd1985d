-- Data for the flagship incident (samples/dashboard-incident/): a shop's customers, orders, order
-- lines and page views. Deterministic (setseed); sizes chosen so each of the service's problems
-- costs a visible part of a request on a 2-core machine.
--   customers 2,000 · products 5,000 · orders 200,000 over 180 days (index on customer_id; 100 per customer)
--   order_lines 600,000 (indexes on order_id and created_at; about 3,300 in the last day)
--   page_views 250,000 (no index on customer_id: the missing index)
SELECT setseed(0.42);

CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL, region text NOT NULL);
INSERT INTO customers SELECT g, 'customer ' || g, (ARRAY['eu','us','apac'])[1 + g % 3] FROM generate_series(1, 2000) g;

CREATE TABLE products (id bigint PRIMARY KEY, name text NOT NULL, price_cents bigint NOT NULL);
INSERT INTO products SELECT g, 'product ' || g, 100 + (g * 7919) % 20000 FROM generate_series(1, 5000) g;

CREATE TABLE orders (
    id bigint PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers,
    created_at timestamptz NOT NULL,
    total_cents bigint NOT NULL);
INSERT INTO orders
SELECT g, 1 + floor(random() * 2000)::bigint, now() - random() * interval '180 days', 0
FROM generate_series(1, 200000) g;
CREATE INDEX orders_customer_id ON orders (customer_id);

CREATE TABLE order_lines (
    id bigserial PRIMARY KEY,
    order_id bigint NOT NULL REFERENCES orders,
    product_id bigint NOT NULL REFERENCES products,
    quantity int NOT NULL,
    created_at timestamptz NOT NULL);
INSERT INTO order_lines (order_id, product_id, quantity, created_at)
SELECT o.id, 1 + floor(random() * 5000)::bigint, 1 + floor(random() * 5)::int, o.created_at
FROM orders o, generate_series(1, 3);
CREATE INDEX order_lines_order_id ON order_lines (order_id);
CREATE INDEX order_lines_created_at ON order_lines (created_at);
UPDATE orders o SET total_cents = s.total
FROM (SELECT l.order_id, sum(l.quantity * p.price_cents) AS total
      FROM order_lines l JOIN products p ON p.id = l.product_id GROUP BY l.order_id) s
WHERE s.order_id = o.id;

CREATE TABLE page_views (
    id bigserial PRIMARY KEY,
    customer_id bigint NOT NULL,
    viewed_at timestamptz NOT NULL,
    path text NOT NULL);
INSERT INTO page_views (customer_id, viewed_at, path)
SELECT 1 + floor(random() * 2000)::bigint, now() - random() * interval '60 days',
       (ARRAY['/home','/search','/product','/cart','/dashboard'])[1 + floor(random() * 5)::int]
FROM generate_series(1, 250000);

VACUUM ANALYZE;
