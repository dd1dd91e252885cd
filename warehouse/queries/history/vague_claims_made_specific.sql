-- Vague or aspirational AI claims a company rewrote into specific, unflagged ones, every night.
SELECT new_night AS night, company_id, old_claim, new_claim, flags_removed, old_text, new_text
FROM claim_changes_nightly
WHERE change = 'edited' AND old_claim IN ('VAGUE', 'ASPIRATIONAL') AND new_claim = 'SPECIFIC'
  AND NOT new_washing
ORDER BY night, company_id, new_text;
