-- What could not be fetched or read on the latest night, by source and error.
SELECT source, error, count(*) AS urls, any_value(url) AS example_url
FROM fetch_errors
WHERE run_date = (SELECT max(run_date) FROM fetch_errors)
GROUP BY source, error
ORDER BY urls DESC, source, error;
