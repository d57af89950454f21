-- Written for both H2 (MODE=PostgreSQL) and PostgreSQL: no timestamptz shorthand, no
-- "insert ... returning", no partial indexes.

create table pod (
    organization        varchar(63)   not null,
    pod_id              varchar(63)   not null,
    discovery_role_arn  varchar(2048) not null,
    from_configuration  boolean       not null,
    created_at          timestamp with time zone not null,
    constraint pod_pk primary key (organization, pod_id)
);

create table workspace (
    uuid              uuid          not null,
    user_facing_id    varchar(63)   not null,
    name              varchar(200)  not null,
    description       varchar(2048) not null,
    pod_organization  varchar(63)   not null,
    pod_id            varchar(63)   not null,
    default_region    varchar(32)   not null,
    created_by        varchar(320)  not null,
    created_at        timestamp with time zone not null,
    constraint workspace_pk primary key (uuid),
    constraint workspace_user_facing_id_unique unique (user_facing_id),
    constraint workspace_pod_fk foreign key (pod_organization, pod_id)
        references pod (organization, pod_id)
);

-- Members are keyed by email so that a member can be added before their first sign-in.
create table workspace_member (
    workspace_uuid  uuid         not null,
    email           varchar(320) not null,
    role            varchar(10)  not null,
    constraint workspace_member_pk primary key (workspace_uuid, email),
    constraint workspace_member_workspace_fk foreign key (workspace_uuid)
        references workspace (uuid) on delete cascade,
    constraint workspace_member_role_check check (role in ('OWNER', 'WRITER', 'READER'))
);

create index workspace_member_email on workspace_member (email);

create table ecr_repository_resource (
    workspace_uuid       uuid          not null,
    resource_id          varchar(1024) not null,
    description          varchar(2048) not null,
    account_id           varchar(12)   not null,
    region               varchar(32)   not null,
    repository_name      varchar(256),
    role_tag_key_prefix  varchar(92)   not null,
    created_at           timestamp with time zone not null,
    updated_at           timestamp with time zone not null,
    constraint ecr_repository_resource_pk primary key (workspace_uuid, resource_id),
    constraint ecr_repository_resource_workspace_fk foreign key (workspace_uuid)
        references workspace (uuid) on delete cascade
);

create index ecr_repository_resource_repository
    on ecr_repository_resource (account_id, region, repository_name);
