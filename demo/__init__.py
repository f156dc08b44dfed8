"""Demonstration content, read from data files under demo/data/, and the synthetic generator for load tests.

Each module loads one kind of content and writes only what differs, so loading again changes nothing:
providers.py (training providers, venues and programmes), employers.py (employers, apprenticeship vacancies and
sponsored opportunities), campaign.py (the careers campaign's pages) and synthetic.py (bulk opportunities).
"""
