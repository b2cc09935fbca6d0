-- accepted values: the event types of CONTRACT.md (core.model.EVENT_TYPES).
SELECT article_id, type
FROM events
WHERE type IS NULL OR type NOT IN ('assessment', 'award', 'meeting', 'training', 'commitment',
                                   'launch', 'inspection', 'complaint', 'other')
