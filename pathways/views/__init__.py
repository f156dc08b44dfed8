"""The self-assessment (one question a page, answers kept in the session), the plan, and kept plans.

No answers leave the session unless the person chooses to keep the plan. For people who are not signed in,
the session ends when the browser closes, so a shared computer does not show the next person their answers.

assessment.py asks the questions and shows the answers back; plans.py shows the plan from the answers in the
session and keeps it; kept_plans.py opens, emails and deletes kept plans and finds one by its reference code.
"""
