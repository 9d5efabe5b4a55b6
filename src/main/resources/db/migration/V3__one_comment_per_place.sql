-- A response has at most one comment per statement and one per section. Saves of one panelist
-- are serialised by a lock; these keys make a duplicate impossible whatever a caller does.
-- Earlier concurrent saves could have written duplicates: the latest of each is kept.
delete from response_comment c
 where c.round_item_id is not null
   and exists (select 1 from response_comment d
                where d.response_id = c.response_id
                  and d.round_item_id = c.round_item_id
                  and d.id > c.id);
delete from response_comment c
 where c.section_id is not null
   and exists (select 1 from response_comment d
                where d.response_id = c.response_id
                  and d.section_id = c.section_id
                  and d.id > c.id);
alter table response_comment
    add constraint response_comment_item_unique unique (response_id, round_item_id);
alter table response_comment
    add constraint response_comment_section_unique unique (response_id, section_id);
