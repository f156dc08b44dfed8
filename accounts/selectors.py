"""Reads about people and organisations."""

from django.db.models import QuerySet

from .models import Membership, Organisation, User


def organisations_of(*, user: User) -> QuerySet[Organisation]:
    """Organisations the person is an active member of."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(memberships__user=user, memberships__status=Membership.Status.ACTIVE)


def is_active_member(*, user: User, organisation: Organisation) -> bool:
    return organisations_of(user=user).filter(pk=organisation.pk).exists()


def user_can_publish_for(*, user: User, organisation: Organisation) -> bool:
    """Members may always draft; only members of a verified organisation may make anything public."""
    return organisation.is_verified and is_active_member(user=user, organisation=organisation)


def helper_organisations(*, user: User) -> QuerySet[Organisation]:
    """The partner organisations this person may help residents for: active membership of a verified one."""
    return organisations_of(user=user).filter(kind=Organisation.Kind.PARTNER, verified_at__isnull=False)


def pending_join_requests(*, organisation: Organisation) -> QuerySet[Membership]:
    return organisation.memberships.filter(status=Membership.Status.PENDING).select_related("user")


def organisations_awaiting_verification() -> QuerySet[Organisation]:
    return Organisation.objects.filter(verified_at__isnull=True).order_by("created_at")


def organisations_with_website_to_check() -> QuerySet[Organisation]:
    """Organisations whose members gave a new website that waits for a moderator."""
    return Organisation.objects.exclude(website_requested="").order_by("name")


def personal_data_export(*, user: User) -> dict:
    """Everything the platform holds that names this person, as plain JSON-ready data."""
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator

    from .personal_data import sections

    return {
        **{name: export(user) for name, export in sections().items()},
        "account": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "role": user.role,
            "organisation_waiting_for_email_confirmation": user.organisation_requested,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
        },
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user)
        ],
        "organisations": [
            {
                "organisation": membership.organisation.name,
                "kind": membership.organisation.kind,
                "status": membership.status,
                "requested_at": membership.requested_at.isoformat(),
            }
            for membership in user.memberships.select_related("organisation")
        ],
        "two_factor_methods": [
            {"type": authenticator.type, "created_at": authenticator.created_at.isoformat()}
            for authenticator in Authenticator.objects.filter(user=user)
        ],
    }
