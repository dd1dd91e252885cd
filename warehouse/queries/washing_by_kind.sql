-- Where does the washing live: product pages, filings, press releases or pitch decks?
SELECT d.kind,
       count(*) FILTER (WHERE c.ai_claim) AS ai_claims,
       count(*) FILTER (WHERE c.washing) AS flagged_claims,
       round(count(*) FILTER (WHERE c.washing) / nullif(count(*) FILTER (WHERE c.ai_claim), 0), 3)
           AS share_flagged
FROM claims AS c
JOIN latest_documents() AS d ON d.doc_id = c.doc_id AND d.run_date = c.run_date
GROUP BY d.kind
ORDER BY flagged_claims DESC, d.kind;
