"""The columns of an import file (docs/import-format.md): those every row needs, and those it may have."""

REQUIRED_COLUMNS = ["reference", "title", "summary", "tier", "skill_areas", "delivery_mode", "cost"]
OPTIONAL_COLUMNS = [
    "kind", "description", "level", "lars_code", "cost_amount", "funding_eligibility", "duration", "hours_per_week",
    "starts_any_time", "runs", "venue_name", "venue_address", "venue_town", "venue_postcode",
    "venue_step_free_access", "how_to_apply", "enquiry_url", "enquiry_email", "enquiry_phone",
    "free_device_loan", "free_data", "other_languages", "step_free_access", "drop_in", "welcomes_career_changers",
    "places", "sponsor_campaign", "publish",
]  # fmt: skip
COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS
TEXT_COLUMNS = [
    "title", "summary", "lars_code", "funding_eligibility", "duration", "how_to_apply", "enquiry_url", "enquiry_email",
    "enquiry_phone", "other_languages",
]  # fmt: skip
BOOLEAN_COLUMNS = ["starts_any_time", "free_device_loan", "free_data", "step_free_access", "drop_in", "welcomes_career_changers"]
