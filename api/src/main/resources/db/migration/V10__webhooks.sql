-- Events out. An instructor subscribes a receiver's URL to a course's events; each event that a
-- subscription wants is written as an outbox row (webhook_event, the body exactly as it will be
-- sent) with one delivery row per subscription, in the same transaction as the change it tells of.
-- Senders on every replica take due deliveries with FOR UPDATE SKIP LOCKED, so no two send one at once.

create sequence webhook_subscription_seq start with 1 increment by 50;
create sequence webhook_event_seq start with 1 increment by 50;
create sequence webhook_delivery_seq start with 1 increment by 50;

create table webhook_subscription (
    id                    bigint primary key,
    course_id             bigint        not null references course (id) on delete cascade,
    url                   varchar(2000) not null,
    -- the event types wanted, comma-separated ('*': all)
    events                varchar(500)  not null,
    description           varchar(500),
    enabled               boolean       not null,
    -- deliver one at a time, in the order the events happened
    ordered               boolean       not null,
    secret                varchar(100)  not null,
    -- the secret before the last rotation, still signing until previous_secret_until
    previous_secret       varchar(100),
    previous_secret_until timestamp with time zone,
    -- when deliveries started failing without a success since (null: not failing)
    failing_since         timestamp with time zone,
    disabled_reason       varchar(500),
    created_at            timestamp with time zone not null,
    updated_at            timestamp with time zone not null
);
create index webhook_subscription_course on webhook_subscription (course_id);

create table webhook_event (
    id          bigint primary key,
    -- webhook-id: the same on every attempt, so receivers can drop repeats
    message_id  varchar(40)  not null unique,
    course_id   bigint       not null references course (id) on delete cascade,
    type        varchar(60)  not null,
    occurred_at timestamp with time zone not null,
    body        varchar(20000) not null
);

create table webhook_delivery (
    id               bigint primary key,
    subscription_id  bigint      not null references webhook_subscription (id) on delete cascade,
    event_id         bigint      not null references webhook_event (id) on delete cascade,
    -- PENDING (to send at next_attempt_at), DELIVERED, FAILED (retries exhausted or refused)
    status           varchar(20) not null,
    attempts         integer     not null,
    next_attempt_at  timestamp with time zone,
    last_attempt_at  timestamp with time zone,
    last_status      integer,
    last_response    varchar(500),
    last_error       varchar(500),
    delivered_at     timestamp with time zone,
    created_at       timestamp with time zone not null
);
create index webhook_delivery_due on webhook_delivery (status, next_attempt_at);
create index webhook_delivery_subscription on webhook_delivery (subscription_id, id);
