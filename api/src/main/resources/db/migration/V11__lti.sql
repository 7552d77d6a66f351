-- LTI 1.3: learning platforms that launch Syllabus. A platform is registered (dynamically or by an
-- instructor) with its endpoints and the client id it gave the tool; its deployments are known by
-- id; a launch first passes through a login (state bound to the browser, a one-time nonce); each
-- platform user is an account linked by (issuer, subject); each platform context is bound to one
-- course run.

create sequence lti_platform_seq start with 1 increment by 50;
create sequence lti_deployment_seq start with 1 increment by 50;
create sequence lti_context_seq start with 1 increment by 50;
create sequence lti_user_seq start with 1 increment by 50;

-- the tool's key pair for the embedded database when no SYLLABUS_LTI_KEYS is set (a JWK, private)
create table lti_tool_key (
    kid        varchar(64)   primary key,
    jwk        varchar(8000) not null,
    created_at timestamp with time zone not null
);

create table lti_platform (
    id                     bigint primary key,
    issuer                 varchar(500)  not null,
    client_id              varchar(255)  not null,
    name                   varchar(200)  not null,
    authorization_endpoint varchar(2000) not null,
    token_endpoint         varchar(2000) not null,
    jwks_uri               varchar(2000) not null,
    -- 'dynamic' or 'manual'
    registered_by          varchar(20)   not null,
    created_at             timestamp with time zone not null,
    unique (issuer, client_id)
);

create table lti_deployment (
    id            bigint primary key,
    platform_id   bigint       not null references lti_platform (id) on delete cascade,
    deployment_id varchar(255) not null,
    created_at    timestamp with time zone not null,
    unique (platform_id, deployment_id)
);

-- a login under way: used up by its launch, or dropped after ten minutes
create table lti_login (
    state_hash   varchar(64) primary key,
    browser_hash varchar(64) not null,
    nonce        varchar(64) not null,
    platform_id  bigint      not null references lti_platform (id) on delete cascade,
    created_at   timestamp with time zone not null
);

create table lti_context (
    id          bigint primary key,
    platform_id bigint       not null references lti_platform (id) on delete cascade,
    context_id  varchar(255) not null,
    title       varchar(500),
    course_id   bigint       not null references course (id) on delete cascade,
    run_id      bigint       not null references course_run (id) on delete cascade,
    -- the platform's services for this context, as its latest launch named them (null: not offered)
    line_items_url  varchar(2000),
    memberships_url varchar(2000),
    -- the last roster sync from the platform (NRPS), and what it found
    synced_at       timestamp with time zone,
    synced_members  integer,
    created_at  timestamp with time zone not null,
    unique (platform_id, context_id)
);

create table lti_user (
    id         bigint primary key,
    issuer     varchar(500) not null,
    subject    varchar(255) not null,
    account_id bigint       not null references account (id) on delete cascade,
    created_at timestamp with time zone not null,
    unique (issuer, subject)
);

-- A homework's column in a platform's gradebook (an AGS line item), found or made by resource id.
create sequence lti_line_item_seq start with 1 increment by 50;
create table lti_line_item (
    id            bigint primary key,
    context_id    bigint        not null references lti_context (id) on delete cascade,
    homework_code varchar(20)   not null,
    url           varchar(2000) not null,
    unique (context_id, homework_code)
);

-- The latest score of a student's homework for a platform, queued in the transaction of the change
-- and sent until the platform has it: one row per (context, student, homework), so a newer score
-- replaces an unsent older one and is never overtaken by it. version counts the scores queued,
-- sent_version the last one the platform took.
create sequence lti_score_seq start with 1 increment by 50;
create table lti_score (
    id              bigint primary key,
    context_id      bigint        not null references lti_context (id) on delete cascade,
    account_id      bigint        not null references account (id) on delete cascade,
    homework_code   varchar(20)   not null,
    user_id         varchar(255)  not null,
    body            varchar(8000) not null,
    version         integer       not null,
    sent_version    integer       not null,
    attempts        integer       not null,
    next_attempt_at timestamp with time zone not null,
    claimed_until   timestamp with time zone,
    last_status     integer,
    last_error      varchar(500),
    updated_at      timestamp with time zone not null,
    sent_at         timestamp with time zone,
    unique (context_id, account_id, homework_code)
);
create index lti_score_due on lti_score (next_attempt_at);

-- Who the platform's roster (NRPS) lists in a platform course; a member who left is flagged, never deleted.
create sequence lti_member_seq start with 1 increment by 50;
create table lti_member (
    id         bigint primary key,
    context_id bigint  not null references lti_context (id) on delete cascade,
    account_id bigint  not null references account (id) on delete cascade,
    has_left   boolean not null,
    synced_at  timestamp with time zone not null,
    unique (context_id, account_id)
);
