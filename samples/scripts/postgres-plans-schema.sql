-- Schema and data of samples/postgres-plans/ (see record-postgres-plan-samples.sh): tables whose
-- plans show the tips evident gives besides missing indexes and spills. setseed() makes random()
-- repeatable. Autovacuum is off on these tables so that the script decides when the visibility map
-- is up to date (heap fetches) and nothing changes statistics behind its back.
DROP TABLE IF EXISTS events, shipments, weight_bands;
SELECT setseed(0.17);

-- 600k events of 5,000 accounts, ~9,200 pages: bitmap scans over a few accounts touch most pages
CREATE TABLE events (
    id          bigint PRIMARY KEY,
    account_id  int NOT NULL,
    kind        int NOT NULL,
    created_at  timestamptz NOT NULL,
    payload     text NOT NULL
) WITH (autovacuum_enabled = off);
INSERT INTO events
SELECT g, 1 + floor(random() * 5000)::int, floor(random() * 50)::int,
       timestamptz '2025-01-01' + random() * interval '365 days', md5(g::text) || md5((g * 7)::text)
FROM generate_series(1, 600000) g;
CREATE INDEX events_account_id_idx ON events (account_id);

-- city and zip are perfectly correlated (zip-7 is always city-7): the planner multiplies their
-- selectivities and expects 1 row where there are 200
CREATE TABLE shipments (
    id        bigint PRIMARY KEY,
    city      text NOT NULL,
    zip       text NOT NULL,
    weight    numeric(8,2) NOT NULL
) WITH (autovacuum_enabled = off);
INSERT INTO shipments
SELECT g, 'city-' || (g % 1000), 'zip-' || (g % 1000), round((random() * 50)::numeric, 2)
FROM generate_series(1, 200000) g;

-- price bands per carrier: a shipment's price is the band its weight falls into (a range join)
CREATE TABLE weight_bands (
    id       int PRIMARY KEY,
    carrier  text NOT NULL,
    min_kg   numeric(8,2) NOT NULL,
    max_kg   numeric(8,2) NOT NULL,
    price    numeric(8,2) NOT NULL
) WITH (autovacuum_enabled = off);
INSERT INTO weight_bands
SELECT g, 'carrier-' || (g % 40), ((g / 40) * 0.05)::numeric(8,2), ((g / 40 + 1) * 0.05)::numeric(8,2),
       round((2 + random() * 20)::numeric, 2)
FROM generate_series(0, 39999) g;

VACUUM ANALYZE events, shipments, weight_bands;
