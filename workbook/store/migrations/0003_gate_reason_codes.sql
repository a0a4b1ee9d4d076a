-- The day-30 reflection keeps why the gate stayed closed as message codes ("gate_not_safe"),
-- not finished sentences, so the words live in one place (messages) and can change.
-- Older records gain `gate_reasons`, worked out from the answers they stored; their old
-- `reasons` sentences are left as they were (nothing is ever overwritten).
UPDATE stage_records
SET data = json_set(
    data,
    '$.gate_reasons',
    json('[' || rtrim(
        CASE WHEN coalesce(json_extract(data, '$.felt_safe'), 0) THEN ''
             ELSE '"gate_not_safe",' END
        || CASE WHEN NOT coalesce(json_extract(data, '$.want_restart'), 0) THEN '"gate_not_wanted",'
                WHEN coalesce(json_extract(data, '$.conviction'), 0) < 9 THEN '"gate_low_conviction",'
                ELSE '' END
        || CASE WHEN coalesce(json_extract(data, '$.keep_growing'), 0) THEN ''
                ELSE '"gate_not_growing",' END,
        ',') || ']')
)
WHERE kind = 'reflection' AND json_type(data, '$.gate_reasons') IS NULL;
