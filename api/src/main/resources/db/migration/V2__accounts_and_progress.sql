-- Accounts, their access tokens, course enrolments and each student's checklist progress.
-- Progress refers to checklist items by their stable ids (H3/PR2, setup/...), not to task rows,
-- so re-importing changed content keeps the progress of the items that still exist.

create sequence account_seq start with 1 increment by 50;
create sequence access_token_seq start with 1 increment by 50;
create sequence enrollment_seq start with 1 increment by 50;
create sequence progress_seq start with 1 increment by 50;
create sequence progress_event_seq start with 1 increment by 50;

create table account (
    id            bigint primary key,
    login         varchar(39)  not null unique,
    name          varchar(200),
    email         varchar(320),
    role          varchar(20)  not null,
    password_hash varchar(100),
    failed_logins integer      not null,
    locked_until  timestamp with time zone,
    created_at    timestamp with time zone not null
);

create table access_token (
    id         bigint primary key,
    account_id bigint      not null references account (id) on delete cascade,
    token_hash varchar(64) not null unique,
    kind       varchar(20) not null,
    label      varchar(100),
    read_only  boolean     not null,
    created_at timestamp with time zone not null,
    expires_at timestamp with time zone,
    revoked_at timestamp with time zone
);
create index access_token_account on access_token (account_id);

alter table course add column join_code varchar(64);

create table enrollment (
    id         bigint primary key,
    course_id  bigint not null references course (id) on delete cascade,
    account_id bigint not null references account (id) on delete cascade,
    joined_at  timestamp with time zone not null,
    constraint enrollment_unique unique (course_id, account_id)
);

create table progress (
    id           bigint primary key,
    course_id    bigint       not null references course (id) on delete cascade,
    account_id   bigint       not null references account (id) on delete cascade,
    item_id      varchar(60)  not null,
    done         boolean      not null,
    evidence_url varchar(2000),
    version      integer      not null,
    updated_at   timestamp with time zone not null,
    updated_by   bigint       references account (id) on delete set null,
    constraint progress_unique unique (course_id, account_id, item_id)
);

create table progress_event (
    id           bigint primary key,
    course_id    bigint       not null references course (id) on delete cascade,
    account_id   bigint       not null references account (id) on delete cascade,
    item_id      varchar(60)  not null,
    action       varchar(20)  not null,
    evidence_url varchar(2000),
    actor_id     bigint       references account (id) on delete set null,
    at           timestamp with time zone not null
);
create index progress_event_course on progress_event (course_id, at);
