-- Item results get a storage shape of their own: one column per statistic at full precision and
-- the engine's decisions, instead of the API view's JSON (which V5 copies out and V6 drops).
alter table item_result add column rated              bigint;
alter table item_result add column counts             varchar(2000);
alter table item_result add column agree_count        bigint;
alter table item_result add column disagree_count     bigint;
alter table item_result add column percent_agree      double precision;
alter table item_result add column percent_disagree   double precision;
alter table item_result add column percent_neutral    double precision;
alter table item_result add column median             double precision;
alter table item_result add column q1                 double precision;
alter table item_result add column q3                 double precision;
alter table item_result add column iqr                double precision;
alter table item_result add column p30                double precision;
alter table item_result add column p70                double precision;
alter table item_result add column ipr                double precision;
alter table item_result add column ipras              double precision;
alter table item_result add column disagreement_index double precision;
alter table item_result add column mean               double precision;
alter table item_result add column sd                 double precision;
-- Why the outcome is what it is, as a value (the reason column keeps the words).
alter table item_result add column basis              varchar(30);
-- Overall row: the rule's outcome on the whole panel, before the every-group requirement.
alter table item_result add column rule_outcome       varchar(20);
alter table item_result add column divergent          boolean;
-- Group row: whether the every-group requirement applied to this group.
alter table item_result add column required           boolean;
-- Overall row of a statement rated in the round before: stability, computed as the round closed.
alter table item_result add column stability_delta    double precision;
alter table item_result add column stable             boolean;
alter table item_result add column stability_pairs    bigint;
alter table item_result add column percent_unchanged  double precision;
alter table item_result add column weighted_kappa     double precision;
alter table item_result add column wilcoxon_v         double precision;
alter table item_result add column wilcoxon_z         double precision;
alter table item_result add column wilcoxon_p         double precision;
alter table item_result add column wilcoxon_method    varchar(30);

-- The stopping rule's verdict as a value, and a close below the minimum response with its reason.
alter table round add column stop_verdict         varchar(20);
alter table round add column responses_at_close   integer;
alter table round add column invited_at_close     integer;
alter table round add column below_minimum_reason varchar(2000);

-- A round's results need a minimum response: percent of those invited who submitted.
alter table study add column minimum_response_percent integer default 50 not null;

-- How far an invited panelist's response got, on the invitation itself: progress, eligibility for
-- the next round and reminders read the invitations alone (the round feature does not reach into
-- responses), and a panelist's answers update them under the invitation's row lock.
alter table invitation add column started_at   timestamp with time zone;
alter table invitation add column submitted_at timestamp with time zone;
update invitation i
   set started_at = (select s.created_at from response s
                      where s.round_id = i.round_id and s.panelist_id = i.panelist_id),
       submitted_at = (select s.submitted_at from response s
                        where s.round_id = i.round_id and s.panelist_id = i.panelist_id
                          and s.state = 'SUBMITTED');
