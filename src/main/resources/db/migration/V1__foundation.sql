-- One sequence for every table: Hibernate reserves 50 ids per call, so inserts batch.
create sequence concord_seq start with 1 increment by 50;

create table account (
    id              bigint primary key,
    email           varchar(320) not null,
    password_hash   varchar(100) not null,
    role            varchar(20)  not null,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    constraint account_email_unique unique (email),
    constraint account_role_check check (role in ('coordinator', 'analyst'))
);

create table study (
    id                         bigint primary key,
    title                      varchar(300)  not null,
    description                varchar(10000),
    state                      varchar(20)   not null,
    -- the protocol (DESIGN §2, §4)
    scale_min                  integer       not null,
    scale_max                  integer       not null,
    scale_labels               varchar(4000) not null,
    agree_low                  integer       not null,
    agree_high                 integer       not null,
    disagree_low               integer       not null,
    disagree_high              integer       not null,
    unable_to_rate_allowed     boolean       not null,
    unable_to_rate_label       varchar(200)  not null,
    rule_type                  varchar(30)   not null,
    percent_threshold          integer       not null,
    percent_comparison         varchar(20)   not null,
    comet_agree_threshold      integer       not null,
    comet_disagree_limit       integer       not null,
    max_iqr                    double precision not null,
    quantile_method            varchar(10)   not null,
    denominator_policy         varchar(30)   not null,
    every_group_required       boolean       not null,
    minimum_group_size         integer       not null,
    minimum_n                  integer       not null,
    maximum_rounds             integer       not null,
    stability_threshold        integer       not null,
    eligibility                varchar(30)   not null,
    partial_submission_allowed boolean       not null,
    show_own_previous          boolean       not null,
    show_distribution          boolean       not null,
    show_median_iqr            boolean       not null,
    show_group_breakdown       boolean       not null,
    show_comments              boolean       not null,
    protocol_locked_at         timestamp with time zone,
    version                    bigint        not null,
    created_at                 timestamp with time zone not null,
    updated_at                 timestamp with time zone not null
);

create table section (
    id            bigint primary key,
    study_id      bigint        not null references study (id),
    position      integer       not null,
    title         varchar(300)  not null,
    introduction  varchar(10000),
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null
);
create index section_study on section (study_id, position);

create table statement (
    id            bigint primary key,
    study_id      bigint        not null references study (id),
    section_id    bigint        not null references section (id),
    position      integer       not null,
    external_id   varchar(100),
    status        varchar(20)   not null,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null
);
create index statement_section on statement (section_id, position);
create index statement_study on statement (study_id);

-- Every wording a statement has had; the highest number is the current one.
create table statement_version (
    id            bigint primary key,
    statement_id  bigint        not null references statement (id),
    number        integer       not null,
    text          varchar(2000) not null,
    origin        varchar(30)   not null,
    reason        varchar(2000),
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    constraint statement_version_number_unique unique (statement_id, number)
);

-- Lineage across statements: a split, a merge, or a statement added from a comment.
create table statement_lineage (
    version_id         bigint not null references statement_version (id),
    source_version_id  bigint not null references statement_version (id),
    primary key (version_id, source_version_id)
);

create table stakeholder_group (
    id            bigint primary key,
    study_id      bigint        not null references study (id),
    name          varchar(100)  not null,
    name_key      varchar(100)  not null,
    position      integer       not null,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    constraint stakeholder_group_name_unique unique (study_id, name_key)
);

create table panelist (
    id            bigint primary key,
    study_id      bigint        not null references study (id),
    group_id      bigint        not null references stakeholder_group (id),
    name          varchar(200)  not null,
    email         varchar(320)  not null,
    email_key     varchar(320)  not null,
    status        varchar(20)   not null,
    attributes    varchar(4000) not null,
    withdrawn_at  timestamp with time zone,
    version       bigint        not null,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    constraint panelist_email_unique unique (study_id, email_key)
);
create index panelist_group on panelist (group_id);
