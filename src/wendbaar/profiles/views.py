"""The vaardighedenprofiel wizard, the dashboard and the Inzicht page. Every view works on the signed-in
person's own profile only; there is no URL that names another person's profile."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.forms import modelformset_factory
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from wendbaar.access.views import require
from wendbaar.profiles import forms, insight, services
from wendbaar.profiles.models import LEVEL_EXPLANATIONS, Level, Step, Suggestion, WorkExperience
from wendbaar.taxonomy.models import Occupation, Skill
from wendbaar.taxonomy.search import search

STEPS = [
    (Step.WERK, "profiles:werk"),
    (Step.VAARDIGHEDEN, "profiles:vaardigheden"),
    (Step.ERVARING, "profiles:ervaring"),
    (Step.TEKST, "profiles:tekst"),
]
ExperienceFormSet = modelformset_factory(WorkExperience, form=forms.ExperienceForm, extra=1, can_delete=True)


def _wizard(request, template, step, **context):
    return render(request, template, {"steps": STEPS, "current_step": step, **context})


def _advance(profile, step):
    order = [s for s, _url in STEPS] + [Step.KLAAR]
    if order.index(profile.step) < order.index(step):
        profile.step = step
        profile.save(update_fields=["step", "updated_at"])


@login_required
def dashboard(request):
    profile = services.profile_for(request.user)
    return render(
        request,
        "profiles/dashboard.html",
        {
            "profile": profile,
            "completeness": services.completeness(profile),
            "saved": profile.saved.select_related("occupation").prefetch_related("occupation__translations"),
            "skill_count": profile.skills.count(),
            "resume_url": dict(STEPS).get(profile.step, "profiles:inzicht"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def werk(request):
    """Step 1: find your current job; its essential skills are filled in for you."""
    profile = services.profile_for(request.user)
    query = request.GET.get("q", "").strip()[:200]
    results = []
    if query:
        hits = search(query, kind="occupation", limit=12)
        found = (
            Occupation.objects.current()
            .prefetch_related("translations")
            .in_bulk([h.concept_id for h in hits])
        )
        results = [found[h.concept_id] for h in hits if h.concept_id in found]
    form = forms.YearsForm(request.POST or None, initial={"years": profile.years_in_occupation})
    if request.method == "POST" and form.is_valid():
        occupation = Occupation.objects.current().filter(code=form.cleaned_data["occupation"]).first()
        if occupation is None:
            messages.error(request, _("Kies een functie uit de lijst."))
        else:
            added = services.choose_occupation(profile, occupation, form.cleaned_data["years"])
            messages.success(
                request,
                _("We hebben %(count)s vaardigheden van je functie alvast ingevuld. Kijk of ze kloppen.")
                % {"count": added},
            )
            return redirect("profiles:vaardigheden")
    return _wizard(
        request, "profiles/werk.html", Step.WERK, profile=profile, query=query, results=results, form=form
    )


@login_required
@require_http_methods(["GET", "POST"])
def vaardigheden(request):
    """Step 2: confirm, rate and remove skills; add more by searching."""
    profile = services.profile_for(request.user)
    ratings = profile.skills.select_related("skill").prefetch_related("skill__translations")
    errors = {}
    if request.method == "POST" and request.POST.get("action") == "opslaan":
        changes, removals = {}, []
        for rating in ratings:
            if request.POST.get(f"remove-{rating.id}"):
                removals.append(rating.id)
                continue
            raw = request.POST.get(f"level-{rating.id}", str(rating.level))
            if raw not in {"1", "2", "3", "4"}:
                errors[rating.id] = _("Kies een niveau van 1 tot en met 4.")
            else:
                changes[rating.id] = int(raw)
        if not errors:
            with transaction.atomic():
                for rating in ratings:
                    if rating.id in changes and changes[rating.id] != rating.level:
                        rating.level = changes[rating.id]
                        rating.save(update_fields=["level"])
                profile.skills.filter(id__in=removals).delete()
                _advance(profile, Step.ERVARING)
            messages.success(request, _("Je vaardigheden zijn opgeslagen."))
            return redirect("profiles:ervaring" if request.POST.get("next") else "profiles:vaardigheden")
    elif request.method == "POST" and request.POST.get("action") == "toevoegen":
        skill = Skill.objects.current().filter(code=request.POST.get("skill", "")).first()
        if skill is None:
            messages.error(request, _("Die vaardigheid kennen we niet. Zoek opnieuw en kies uit de lijst."))
        elif services.add_skill(profile, skill):
            messages.success(request, _("‘%(skill)s’ is toegevoegd.") % {"skill": skill.label().text})
        else:
            messages.info(request, _("‘%(skill)s’ stond al in je profiel.") % {"skill": skill.label().text})
        return redirect("profiles:vaardigheden")
    query = request.GET.get("zoek", "").strip()[:200]
    results = []
    if query:
        have = set(profile.skills.values_list("skill_id", flat=True))
        hits = [h for h in search(query, kind="skill", limit=15) if h.concept_id not in have]
        found = Skill.objects.current().prefetch_related("translations").in_bulk([h.concept_id for h in hits])
        results = [found[h.concept_id] for h in hits if h.concept_id in found][:10]
    template = (
        "profiles/_skill_results.html" if request.headers.get("HX-Request") else "profiles/vaardigheden.html"
    )
    return _wizard(
        request,
        template,
        Step.VAARDIGHEDEN,
        profile=profile,
        ratings=ratings,
        errors=errors,
        levels=[(level, label, LEVEL_EXPLANATIONS[level]) for level, label in Level.choices],
        query=query,
        results=results,
    )


@login_required
@require_http_methods(["GET", "POST"])
def ervaring(request):
    """Step 3: work experience and education."""
    profile = services.profile_for(request.user)
    queryset = profile.experience.all()
    education = forms.EducationForm(request.POST or None, initial={"education": profile.education})
    formset = ExperienceFormSet(request.POST or None, queryset=queryset, prefix="ervaring")
    if request.method == "POST" and education.is_valid() and formset.is_valid():
        with transaction.atomic():
            profile.education = education.cleaned_data["education"]
            profile.save(update_fields=["education", "updated_at"])
            for item in formset.save(commit=False):
                item.profile = profile
                item.save()
            for item in formset.deleted_objects:
                item.delete()
            _advance(profile, Step.TEKST)
        messages.success(request, _("Je ervaring en opleiding zijn opgeslagen."))
        return redirect("profiles:tekst" if request.POST.get("next") else "profiles:ervaring")
    return _wizard(request, "profiles/ervaring.html", Step.ERVARING, education=education, formset=formset)


@login_required
@require_http_methods(["GET", "POST"])
def tekst(request):
    """Step 4: paste a CV or a description of your work; accept or reject each suggested skill."""
    profile = services.profile_for(request.user)
    form = forms.TextForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        found = services.suggest_from_text(profile, form.cleaned_data["text"])
        if found:
            messages.success(
                request,
                _("We vonden %(count)s vaardigheden in je tekst. Kies bij elke of hij klopt.")
                % {"count": len(found)},
            )
        else:
            messages.info(
                request,
                _("We vonden geen nieuwe vaardigheden in je tekst. Je kunt ze ook zelf zoeken bij stap 2."),
            )
        return redirect("profiles:tekst")
    suggestions = (
        profile.suggestions.filter(status=Suggestion.Status.OPEN)
        .select_related("skill")
        .prefetch_related("skill__translations")
    )
    return _wizard(
        request, "profiles/tekst.html", Step.TEKST, form=form, suggestions=suggestions, levels=Level.choices
    )


@login_required
@require_POST
def beslis(request, suggestion_id):
    suggestion = get_object_or_404(
        Suggestion.objects.select_related("profile"), id=suggestion_id, status=Suggestion.Status.OPEN
    )
    require(request, "profiles.change_suggestion", suggestion, hide=True)
    accept = request.POST.get("besluit") == "ja"
    level = request.POST.get("level", "2")
    if accept and level not in {"1", "2", "3", "4"}:
        messages.error(request, _("Kies een niveau van 1 tot en met 4."))
        return redirect("profiles:tekst")
    services.decide(suggestion, accept, int(level))
    label = suggestion.skill.label().text
    if accept:
        messages.success(request, _("‘%(skill)s’ staat nu in je profiel.") % {"skill": label})
    else:
        messages.info(request, _("‘%(skill)s’ laten we weg.") % {"skill": label})
    return redirect("profiles:tekst")


@login_required
@require_POST
def klaar(request):
    profile = services.profile_for(request.user)
    _advance(profile, Step.KLAAR)
    return redirect("profiles:inzicht")


@login_required
def inzicht(request):
    profile = services.profile_for(request.user)
    return render(request, "profiles/inzicht.html", {"profile": profile, "insight": insight.build(profile)})
