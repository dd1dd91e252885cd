-- One view per lake table. {{table:NAME}} is replaced by a read_parquet() over the table's
-- partitions (hive partitioning puts run_date back) or, while a table has no partitions, by a
-- typed empty relation, so that queries over an empty lake return no rows instead of failing.

CREATE OR REPLACE VIEW companies AS
SELECT company_id, run_date, name, website, cik, feeds, decks
FROM {{table:companies}};

CREATE OR REPLACE VIEW documents AS
SELECT doc_id, run_date, company_id, source, kind, url, title, published_at, fetched_at,
       http_status, content_sha256, text
FROM {{table:documents}};

CREATE OR REPLACE VIEW claims AS
SELECT claim_id, doc_id, run_date, company_id, sent_index, start_char, end_char, text, claim,
       claim_score, flags, flag_scores, ai_claim, washing, washing_score, evidence, model_version
FROM {{table:claims}};

CREATE OR REPLACE VIEW fetch_errors AS
SELECT run_date, source, company_id, url, error, http_status, detail
FROM {{table:fetch_errors}};

CREATE OR REPLACE VIEW runs AS
SELECT run_id, run_date, started_at, finished_at, status, counts, model_version
FROM {{table:runs}};
