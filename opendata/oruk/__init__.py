"""Open Referral UK: the inclusion support services (help to get online) in the HSDS 3.0 UK profile's shapes,
read-only at /api/oruk/ (https://docs.openreferraluk.org/en/latest/)."""
