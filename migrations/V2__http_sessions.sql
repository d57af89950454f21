-- HTTP sessions, kept by Jetty's JDBC session store (org.eclipse.jetty.session) so that every
-- portal instance sees the same sessions and a restart signs nobody out. The table, column and
-- index names are the ones ecrbridge.web.SessionStorage gives Jetty: Jetty finds this table, its
-- max_interval column and the index named idx_<table>_expiry, and so creates or alters nothing.
--
-- Times are milliseconds since the epoch, as Jetty writes them. session_id is the session
-- cookie's value without the suffix naming an instance (".node0"). attributes holds the
-- session's attributes, serialized by Java serialization.

create table http_session (
    session_id        varchar(120) not null,
    context_path      varchar(60)  not null,
    virtual_host      varchar(60)  not null,
    last_node         varchar(60),
    access_time       bigint,
    last_access_time  bigint,
    create_time       bigint,
    cookie_time       bigint,
    last_saved_time   bigint,
    expiry_time       bigint,
    max_interval      bigint,
    attributes        bytea,
    constraint http_session_pk primary key (session_id, context_path, virtual_host)
);

-- The sweep of expired sessions looks them up by expiry time.
create index idx_http_session_expiry on http_session (expiry_time);
