-- The one rule of a tie (module network), written once: two people are tied through an event when both
-- prepared it or both came. One row per person, the other person and the event; the pages read a person's
-- rows (meetings_by_employee), the planner folds the view into their statements.
CREATE VIEW ties AS
SELECT me.employee_id, o.employee_id AS other_id, me.plan_id, me.prepared AND o.prepared AS prepared_together,
       o.department_id AS other_department_id
FROM meetings me
JOIN meetings o ON o.plan_id = me.plan_id AND o.employee_id <> me.employee_id
     AND ((me.prepared AND o.prepared) OR (me.came AND o.came));
