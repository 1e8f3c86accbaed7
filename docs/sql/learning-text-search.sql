-- The knowledge bank's free-text index (SQLite FTS5), exactly as the migration LearningTextSearch
-- creates it (dumped from a migrated database). Carry it over verbatim when migrations are regenerated.

CREATE VIRTUAL TABLE LearningSearch USING fts5(Title, Summary, Lessons, Effects, Story, tokenize='trigram');
CREATE TRIGGER LearningSearch_CaseUpdate AFTER UPDATE OF Title, Summary ON Cases BEGIN
    DELETE FROM LearningSearch WHERE rowid = new.Id;
    INSERT INTO LearningSearch(rowid, Title, Summary, Lessons, Effects, Story)
        SELECT c.Id, c.Title, c.Summary,
        (SELECT group_concat(r.LessonsLearned, ' ') FROM EffectReports r WHERE r.CaseId = c.Id AND r.IsFinal),
        (SELECT group_concat(r.Narrative, ' ') FROM EffectReports r WHERE r.CaseId = c.Id AND r.IsFinal),
        (SELECT s.Title || ' ' || s.Lead || ' ' || s.BodyMarkdown || ' ' || s.WentWrong FROM Stories s WHERE s.CaseId = c.Id)
    FROM Cases c
    WHERE c.Id IN (new.Id) AND EXISTS (SELECT 1 FROM EffectReports r WHERE r.CaseId = c.Id AND r.IsFinal);
END;
CREATE TRIGGER LearningSearch_CaseDelete AFTER DELETE ON Cases BEGIN
    DELETE FROM LearningSearch WHERE rowid = old.Id;
END;
CREATE TRIGGER LearningSearch_ReportInsert AFTER INSERT ON EffectReports WHEN new.IsFinal BEGIN
    DELETE FROM LearningSearch WHERE rowid = new.CaseId;
    INSERT INTO LearningSearch(rowid, Title, Summary, Lessons, Effects, Story)
        SELECT c.Id, c.Title, c.Summary,
        (SELECT group_concat(r.LessonsLearned, ' ') FROM EffectReports r WHERE r.CaseId = c.Id AND r.IsFinal),
        (SELECT group_concat(r.Narrative, ' ') FROM EffectReports r WHERE r.CaseId = c.Id AND r.IsFinal),
        (SELECT s.Title || ' ' || s.Lead || ' ' || s.BodyMarkdown || ' ' || s.WentWrong FROM Stories s WHERE s.CaseId = c.Id)
    FROM Cases c
    WHERE c.Id IN (new.CaseId) AND EXISTS (SELECT 1 FROM EffectReports r WHERE r.CaseId = c.Id AND r.IsFinal);
END;
CREATE TRIGGER LearningSearch_ReportUpdate AFTER UPDATE OF CaseId, IsFinal, LessonsLearned, Narrative ON EffectReports BEGIN
    DELETE FROM LearningSearch WHERE rowid = old.CaseId;
    INSERT INTO LearningSearch(rowid, Title, Summary, Lessons, Effects, Story)
        SELECT c.Id, c.Title, c.Summary,
        (SELECT group_concat(r.LessonsLearned, ' ') FROM EffectReports r WHERE r.CaseId = c.Id AND r.IsFinal),
        (SELECT group_concat(r.Narrative, ' ') FROM EffectReports r WHERE r.CaseId = c.Id AND r.IsFinal),
        (SELECT s.Title || ' ' || s.Lead || ' ' || s.BodyMarkdown || ' ' || s.WentWrong FROM Stories s WHERE s.CaseId = c.Id)
    FROM Cases c
    WHERE c.Id IN (old.CaseId) AND EXISTS (SELECT 1 FROM EffectReports r WHERE r.CaseId = c.Id AND r.IsFinal);
    DELETE FROM LearningSearch WHERE rowid = new.CaseId;
    INSERT INTO LearningSearch(rowid, Title, Summary, Lessons, Effects, Story)
        SELECT c.Id, c.Title, c.Summary,
        (SELECT group_concat(r.LessonsLearned, ' ') FROM EffectReports r WHERE r.CaseId = c.Id AND r.IsFinal),
        (SELECT group_concat(r.Narrative, ' ') FROM EffectReports r WHERE r.CaseId = c.Id AND r.IsFinal),
        (SELECT s.Title || ' ' || s.Lead || ' ' || s.BodyMarkdown || ' ' || s.WentWrong FROM Stories s WHERE s.CaseId = c.Id)
    FROM Cases c
    WHERE c.Id IN (new.CaseId) AND EXISTS (SELECT 1 FROM EffectReports r WHERE r.CaseId = c.Id AND r.IsFinal);
END;
CREATE TRIGGER LearningSearch_ReportDelete AFTER DELETE ON EffectReports BEGIN
    DELETE FROM LearningSearch WHERE rowid = old.CaseId;
    INSERT INTO LearningSearch(rowid, Title, Summary, Lessons, Effects, Story)
        SELECT c.Id, c.Title, c.Summary,
        (SELECT group_concat(r.LessonsLearned, ' ') FROM EffectReports r WHERE r.CaseId = c.Id AND r.IsFinal),
        (SELECT group_concat(r.Narrative, ' ') FROM EffectReports r WHERE r.CaseId = c.Id AND r.IsFinal),
        (SELECT s.Title || ' ' || s.Lead || ' ' || s.BodyMarkdown || ' ' || s.WentWrong FROM Stories s WHERE s.CaseId = c.Id)
    FROM Cases c
    WHERE c.Id IN (old.CaseId) AND EXISTS (SELECT 1 FROM EffectReports r WHERE r.CaseId = c.Id AND r.IsFinal);
END;
CREATE TRIGGER LearningSearch_StoryInsert AFTER INSERT ON Stories BEGIN
    DELETE FROM LearningSearch WHERE rowid = new.CaseId;
    INSERT INTO LearningSearch(rowid, Title, Summary, Lessons, Effects, Story)
        SELECT c.Id, c.Title, c.Summary,
        (SELECT group_concat(r.LessonsLearned, ' ') FROM EffectReports r WHERE r.CaseId = c.Id AND r.IsFinal),
        (SELECT group_concat(r.Narrative, ' ') FROM EffectReports r WHERE r.CaseId = c.Id AND r.IsFinal),
        (SELECT s.Title || ' ' || s.Lead || ' ' || s.BodyMarkdown || ' ' || s.WentWrong FROM Stories s WHERE s.CaseId = c.Id)
    FROM Cases c
    WHERE c.Id IN (new.CaseId) AND EXISTS (SELECT 1 FROM EffectReports r WHERE r.CaseId = c.Id AND r.IsFinal);
END;
CREATE TRIGGER LearningSearch_StoryUpdate AFTER UPDATE OF CaseId, Title, Lead, BodyMarkdown, WentWrong ON Stories BEGIN
    DELETE FROM LearningSearch WHERE rowid = old.CaseId;
    INSERT INTO LearningSearch(rowid, Title, Summary, Lessons, Effects, Story)
        SELECT c.Id, c.Title, c.Summary,
        (SELECT group_concat(r.LessonsLearned, ' ') FROM EffectReports r WHERE r.CaseId = c.Id AND r.IsFinal),
        (SELECT group_concat(r.Narrative, ' ') FROM EffectReports r WHERE r.CaseId = c.Id AND r.IsFinal),
        (SELECT s.Title || ' ' || s.Lead || ' ' || s.BodyMarkdown || ' ' || s.WentWrong FROM Stories s WHERE s.CaseId = c.Id)
    FROM Cases c
    WHERE c.Id IN (old.CaseId) AND EXISTS (SELECT 1 FROM EffectReports r WHERE r.CaseId = c.Id AND r.IsFinal);
    DELETE FROM LearningSearch WHERE rowid = new.CaseId;
    INSERT INTO LearningSearch(rowid, Title, Summary, Lessons, Effects, Story)
        SELECT c.Id, c.Title, c.Summary,
        (SELECT group_concat(r.LessonsLearned, ' ') FROM EffectReports r WHERE r.CaseId = c.Id AND r.IsFinal),
        (SELECT group_concat(r.Narrative, ' ') FROM EffectReports r WHERE r.CaseId = c.Id AND r.IsFinal),
        (SELECT s.Title || ' ' || s.Lead || ' ' || s.BodyMarkdown || ' ' || s.WentWrong FROM Stories s WHERE s.CaseId = c.Id)
    FROM Cases c
    WHERE c.Id IN (new.CaseId) AND EXISTS (SELECT 1 FROM EffectReports r WHERE r.CaseId = c.Id AND r.IsFinal);
END;
CREATE TRIGGER LearningSearch_StoryDelete AFTER DELETE ON Stories BEGIN
    DELETE FROM LearningSearch WHERE rowid = old.CaseId;
    INSERT INTO LearningSearch(rowid, Title, Summary, Lessons, Effects, Story)
        SELECT c.Id, c.Title, c.Summary,
        (SELECT group_concat(r.LessonsLearned, ' ') FROM EffectReports r WHERE r.CaseId = c.Id AND r.IsFinal),
        (SELECT group_concat(r.Narrative, ' ') FROM EffectReports r WHERE r.CaseId = c.Id AND r.IsFinal),
        (SELECT s.Title || ' ' || s.Lead || ' ' || s.BodyMarkdown || ' ' || s.WentWrong FROM Stories s WHERE s.CaseId = c.Id)
    FROM Cases c
    WHERE c.Id IN (old.CaseId) AND EXISTS (SELECT 1 FROM EffectReports r WHERE r.CaseId = c.Id AND r.IsFinal);
END;

-- Fill the index once (the migration runs this after creating the triggers):
INSERT INTO LearningSearch(rowid, Title, Summary, Lessons, Effects, Story)
    SELECT c.Id, c.Title, c.Summary,
        (SELECT group_concat(r.LessonsLearned, ' ') FROM EffectReports r WHERE r.CaseId = c.Id AND r.IsFinal),
        (SELECT group_concat(r.Narrative, ' ') FROM EffectReports r WHERE r.CaseId = c.Id AND r.IsFinal),
        (SELECT s.Title || ' ' || s.Lead || ' ' || s.BodyMarkdown || ' ' || s.WentWrong FROM Stories s WHERE s.CaseId = c.Id)
    FROM Cases c
    WHERE c.Id IN (SELECT Id FROM Cases) AND EXISTS (SELECT 1 FROM EffectReports r WHERE r.CaseId = c.Id AND r.IsFinal);
