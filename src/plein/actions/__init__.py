"""Action plans: a library's actions, their status flow and the facilitator's overview. A feature;
imports no app that creates actions (they register an origin in `actions.origins`)."""
