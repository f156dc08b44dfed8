import json

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from . import selectors, services
from .forms import AccountDeleteForm
from .models import Membership, Organisation


@login_required
def profile(request):
    memberships = request.user.memberships.select_related("organisation")
    return render(request, "accounts/profile.html", {"memberships": memberships})


def _organisation_for_member(request, slug) -> Organisation:
    # Not a member? Then, as far as this person can tell, the page does not exist.
    organisation = get_object_or_404(Organisation, slug=slug)
    if not selectors.is_active_member(user=request.user, organisation=organisation):
        raise Http404("No such organisation")
    return organisation


@login_required
def organisation_detail(request, slug):
    organisation = _organisation_for_member(request, slug)
    return render(
        request,
        "accounts/organisation.html",
        {
            "organisation": organisation,
            "members": organisation.memberships.filter(status=Membership.Status.ACTIVE).select_related("user"),
            "join_requests": selectors.pending_join_requests(organisation=organisation),
            "can_publish": selectors.user_can_publish_for(user=request.user, organisation=organisation),
        },
    )


@login_required
@require_POST
def join_request_decide(request, slug, membership_id, decision):
    if decision not in {"approve", "decline"}:
        raise Http404("Unknown decision")
    organisation = _organisation_for_member(request, slug)
    membership = get_object_or_404(
        Membership, pk=membership_id, organisation=organisation, status=Membership.Status.PENDING
    )
    name = membership.user.get_full_name() or membership.user.email
    if decision == "approve":
        services.membership_approve(membership=membership, by=request.user)
        messages.success(request, f"{name} is now a member of {organisation.name}.")
    else:
        services.membership_decline(membership=membership, by=request.user)
        messages.success(request, f"You declined the request from {name}.")
    return redirect("accounts:organisation", slug=organisation.slug)


@login_required
def my_data(request):
    return render(request, "accounts/my_data.html")


# Downloading or deleting everything about a person asks for their password again (allauth's
# reauthentication, valid for ACCOUNT_REAUTHENTICATION_TIMEOUT), so a session left signed in is not enough.
@login_required
@reauthentication_required
def my_data_download(request):
    data = selectors.personal_data_export(user=request.user)
    response = HttpResponse(json.dumps(data, indent=2), content_type="application/json")
    response["Content-Disposition"] = 'attachment; filename="my-digital-skills-data.json"'
    return response


@login_required
@reauthentication_required
def account_delete(request):
    form = AccountDeleteForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        services.account_delete(user=user)
        messages.success(request, "Your account and everything that named you have been deleted.")
        return redirect("/")
    return render(request, "accounts/delete.html", {"form": form})
