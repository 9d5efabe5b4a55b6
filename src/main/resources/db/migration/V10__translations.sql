-- Translations of a study's own texts (DESIGN §5): one row per text and language. The text in the
-- study's language stays where it is (study, section, statement_version, the protocol); a row here
-- only adds another language. target_id names the section or statement, or the scale point for a
-- label, and is 0 for the study's own texts (title, description, information sheet ...), so that
-- one unique key covers every kind. source_version is the statement version a statement's
-- translation was made for: a later wording makes it out of date.
create table translation (
    id              bigint primary key,
    study_id        bigint         not null references study (id),
    kind            varchar(30)    not null,
    target_id       bigint         not null,
    language        varchar(35)    not null,
    text            varchar(100000) not null,
    source_version  integer,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    constraint translation_unique unique (study_id, language, kind, target_id)
);
