"""Changes to people and organisations. Views and forms call these; they keep the rules."""

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from .models import Membership, Organisation, User
from .selectors import is_active_member


@transaction.atomic
def organisation_register(*, user: User, name: str, kind: str) -> Organisation:
    """A person sets up a new organisation; it stays unverified until a moderator approves it."""
    organisation = Organisation.objects.create(name=name.strip(), slug=Organisation.unique_slug_for(name), kind=kind)
    Membership.objects.create(
        user=user, organisation=organisation, status=Membership.Status.ACTIVE, decided_at=timezone.now()
    )
    user.role = kind
    user.save(update_fields=["role"])
    return organisation


def organisation_request(*, user: User, name: str, kind: str) -> None:
    """At sign-up, a person asks for a new organisation: it waits on their account until they confirm their
    email address, so the name reaches no page (not even a moderator's queue) before then."""
    user.role = kind
    user.organisation_requested = name.strip()
    user.save(update_fields=["role", "organisation_requested"])


@transaction.atomic
def organisation_register_requested(*, user: User) -> Organisation | None:
    """The person has confirmed their email address: create the organisation they asked for at sign-up."""
    if not user.organisation_requested:
        return None
    organisation = organisation_register(user=user, name=user.organisation_requested, kind=user.role)
    user.organisation_requested = ""
    user.save(update_fields=["organisation_requested"])
    return organisation


@transaction.atomic
def membership_request(*, user: User, organisation: Organisation) -> Membership:
    """A person asks to join an organisation already on the platform; its members are told."""
    membership, _ = Membership.objects.get_or_create(user=user, organisation=organisation)
    user.role = organisation.kind
    user.save(update_fields=["role"])
    if membership.status == Membership.Status.PENDING:
        recipients = list(
            organisation.memberships.filter(status=Membership.Status.ACTIVE).values_list("user__email", flat=True)
        )
        if recipients:
            link = reverse("accounts:organisation", kwargs={"slug": organisation.slug})
            transaction.on_commit(
                lambda: send_mail(
                    f"Someone has asked to join {organisation.name}",
                    f"A new person has asked to join {organisation.name} on Digital Skills Leeds City Region.\n"
                    f"Sign in and open {link} to approve or decline the request.",
                    None,
                    recipients,
                )
            )
    return membership


def _require_member(*, user: User, organisation: Organisation) -> None:
    if not is_active_member(user=user, organisation=organisation):
        raise PermissionDenied("Only members of this organisation can do that")


@transaction.atomic
def membership_approve(*, membership: Membership, by: User) -> Membership:
    _require_member(user=by, organisation=membership.organisation)
    membership.status = Membership.Status.ACTIVE
    membership.decided_at = timezone.now()
    membership.decided_by = by
    membership.save(update_fields=["status", "decided_at", "decided_by"])
    return membership


@transaction.atomic
def membership_decline(*, membership: Membership, by: User) -> None:
    _require_member(user=by, organisation=membership.organisation)
    if membership.status != Membership.Status.PENDING:
        raise PermissionDenied("Only a request that is still waiting can be declined")
    membership.delete()


@transaction.atomic
def organisation_verify(*, organisation: Organisation, by: User) -> Organisation:
    """A moderator confirms the organisation is real; from now on its members may publish."""
    _require_moderator(by)
    if not organisation.is_verified:
        organisation.verified_at = timezone.now()
        organisation.verified_by = by
        organisation.save(update_fields=["verified_at", "verified_by"])
    return organisation


@transaction.atomic
def profile_website_hold(*, profile) -> bool:
    """Keep a member's new website for the organisation's profile waiting for a moderator; True if it waits.

    Postings may link to the profile's website without a moderator looking (publishing.posting_checks.links), so a
    new one must not take effect until a moderator approves it: until then the saved one stays on the profile.
    Saving the approved website again withdraws the request; removing the website needs no moderator.
    Call it with the profile as the form left it, before saving the profile."""
    organisation = profile.organisation
    approved = type(profile).objects.filter(pk=profile.pk).values_list("website", flat=True).first() or ""
    wanted = profile.website
    waits = bool(wanted) and wanted not in {approved, organisation.website}
    if waits:
        profile.website = approved
    if organisation.website_requested != (wanted if waits else ""):
        organisation.website_requested = wanted if waits else ""
        organisation.save(update_fields=["website_requested"])
    return waits


def _require_moderator(user: User) -> None:
    if not user.has_perm("accounts.verify_organisation"):
        raise PermissionDenied("Only moderators can do that")


@transaction.atomic
def organisation_website_approve(*, organisation: Organisation, by: User) -> Organisation:
    """A moderator has checked the new website: it becomes the profile's, and links to it pass the checks."""
    _require_moderator(by)
    profile = organisation.profile
    if organisation.website_requested and profile is not None:
        profile.website = organisation.website_requested
        profile.save(update_fields=["website"])
    organisation.website_requested = ""
    organisation.save(update_fields=["website_requested"])
    return organisation


@transaction.atomic
def organisation_website_decline(*, organisation: Organisation, by: User) -> Organisation:
    """The new website is turned down; the approved one stays."""
    _require_moderator(by)
    organisation.website_requested = ""
    organisation.save(update_fields=["website_requested"])
    return organisation


def moderator_add(*, user: User) -> User:
    """Make someone a moderator: staff, in Wagtail's Moderators group (which may verify organisations)."""
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@transaction.atomic
def account_delete(*, user: User) -> None:
    """Remove the person and everything that names them.

    Memberships, email addresses and two-factor devices cascade with the user; records that
    merely point at them as a decider (verified_by, decided_by) are set to null.
    """
    from django.contrib.sessions.models import Session

    user_id = str(user.pk)
    for session in Session.objects.all().iterator():
        if session.get_decoded().get("_auth_user_id") == user_id:
            session.delete()
    user.delete()
