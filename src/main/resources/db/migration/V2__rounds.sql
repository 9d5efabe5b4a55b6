-- Rounds, invitations, responses and results (DESIGN §4, §5).

create table audit_event (
    id          bigint primary key,
    study_id    bigint        not null references study (id),
    actor       varchar(320)  not null,
    action      varchar(50)   not null,
    detail      varchar(4000) not null,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null
);
create index audit_event_study on audit_event (study_id, created_at);

create table round (
    id                   bigint primary key,
    study_id             bigint        not null references study (id),
    number               integer       not null,
    state                varchar(20)   not null,
    opened_at            timestamp with time zone,
    closes_at            timestamp with time zone,
    closed_at            timestamp with time zone,
    reminder_days        varchar(100)  not null,
    invitation_subject   varchar(300)  not null,
    personal_message     varchar(4000),
    override_reason      varchar(2000),
    stop_reason          varchar(2000),
    version              bigint        not null,
    created_at           timestamp with time zone not null,
    updated_at           timestamp with time zone not null,
    constraint round_number_unique unique (study_id, number)
);

-- One statement version rated in one round.
create table round_item (
    id                    bigint primary key,
    round_id              bigint  not null references round (id),
    statement_id          bigint  not null references statement (id),
    statement_version_id  bigint  not null references statement_version (id),
    position              integer not null,
    previous_item_id      bigint references round_item (id),
    created_at            timestamp with time zone not null,
    updated_at            timestamp with time zone not null,
    constraint round_item_statement_unique unique (round_id, statement_id)
);

-- A statement that left the guidance after a round: with its outcome, or added by the team.
create table round_change (
    id             bigint primary key,
    round_id       bigint        not null references round (id),
    statement_id   bigint        not null references statement (id),
    kind           varchar(30)   not null,
    reason         varchar(2000) not null,
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null
);

-- The personal link: only the SHA-256 of the token is stored.
create table access_token (
    id           bigint primary key,
    study_id     bigint       not null references study (id),
    panelist_id  bigint       not null references panelist (id),
    token_hash   varchar(64)  not null,
    generation   integer      not null,
    revoked_at   timestamp with time zone,
    created_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null,
    constraint access_token_hash_unique unique (token_hash)
);
create index access_token_panelist on access_token (panelist_id);

create table invitation (
    id               bigint primary key,
    round_id         bigint  not null references round (id),
    panelist_id      bigint  not null references panelist (id),
    opened_at        timestamp with time zone,
    reminders_sent   integer not null,
    last_reminded_at timestamp with time zone,
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    constraint invitation_unique unique (round_id, panelist_id)
);

create table response (
    id            bigint primary key,
    round_id      bigint       not null references round (id),
    panelist_id   bigint       not null references panelist (id),
    state         varchar(20)  not null,
    consented_at  timestamp with time zone,
    submitted_at  timestamp with time zone,
    version       bigint       not null,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    constraint response_unique unique (round_id, panelist_id)
);

create table rating (
    id                 bigint primary key,
    response_id        bigint  not null references response (id),
    round_item_id      bigint  not null references round_item (id),
    rating_value       integer,
    unable_to_rate     boolean not null,
    reason_for_change  varchar(2000),
    created_at         timestamp with time zone not null,
    updated_at         timestamp with time zone not null,
    constraint rating_unique unique (response_id, round_item_id)
);
create index rating_item on rating (round_item_id);

-- A comment on a statement (round_item_id) or on a section (section_id).
create table response_comment (
    id             bigint primary key,
    response_id    bigint        not null references response (id),
    round_item_id  bigint references round_item (id),
    section_id     bigint references section (id),
    text           varchar(2000) not null,
    released       boolean       not null,
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null
);
create index response_comment_response on response_comment (response_id);

-- A save that reached a closed round: refused, but kept for the team to see.
create table late_save (
    id           bigint primary key,
    round_id     bigint         not null references round (id),
    panelist_id  bigint         not null references panelist (id),
    payload      varchar(20000) not null,
    created_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null
);

-- The result of one round item, overall (group_id null) and per stakeholder group.
create table item_result (
    id             bigint primary key,
    round_item_id  bigint        not null references round_item (id),
    group_id       bigint references stakeholder_group (id),
    n              integer       not null,
    unable_count   integer       not null,
    outcome        varchar(20)   not null,
    reason         varchar(1000) not null,
    statistics     varchar(4000) not null,
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null
);
create index item_result_item on item_result (round_item_id);

-- Emails are written here in the transaction that causes them and sent by the dispatcher.
create table outbox_email (
    id               bigint primary key,
    study_id         bigint        not null references study (id),
    dedupe_key       varchar(200)  not null,
    kind             varchar(30)   not null,
    recipient        varchar(320)  not null,
    panelist_id      bigint references panelist (id),
    round_id         bigint references round (id),
    subject          varchar(300)  not null,
    status           varchar(20)   not null,
    attempts         integer       not null,
    next_attempt_at  timestamp with time zone not null,
    claimed_until    timestamp with time zone,
    last_error       varchar(2000),
    sent_at          timestamp with time zone,
    version          bigint        not null,
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    constraint outbox_dedupe_unique unique (dedupe_key)
);
create index outbox_due on outbox_email (status, next_attempt_at);
