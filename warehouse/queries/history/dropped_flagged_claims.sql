-- Flagged AI claims taken down, or stripped of their AI wording, and how long they had been up.
SELECT new_night AS gone_on, company_id, change, old_claim, old_flags,
       old_first_seen AS up_since, old_text, new_text, url
FROM claim_changes_nightly
WHERE old_washing AND (change = 'removed' OR (change = 'edited' AND NOT new_ai_claim))
ORDER BY gone_on, company_id, old_text;
