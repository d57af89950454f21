-- People who have signed in, keyed by what their identity provider calls them. Memberships
-- stay keyed by email, so that a member can be added before their first sign-in.
create table app_user (
    issuer         varchar(1024) not null,
    subject        varchar(255)  not null,
    email          varchar(320)  not null,
    display_name   varchar(200)  not null,
    first_sign_in  timestamp with time zone not null,
    last_sign_in   timestamp with time zone not null,
    constraint app_user_pk primary key (issuer, subject)
);

create index app_user_email on app_user (email);
