"""Server time of the Verkennen page on the full ESCO release (plus the starter set) for a person with a
50-skill profile. Target: p95 ≤ 150 ms.

    python bench/verkennen.py [--db sqlite|postgres]
"""

import random
import statistics
import time

from _setup import arguments, fresh_django

args = arguments(__doc__)
with fresh_django(args.db):
    from django.conf import settings
    from django.test import Client

    from wendbaar.accounts.models import User
    from wendbaar.profiles.models import Profile, ProfileSkill
    from wendbaar.taxonomy.esco import import_package
    from wendbaar.taxonomy.models import Occupation, OccupationSkill
    from wendbaar.taxonomy.starter_import import load_starter_set

    settings.ALLOWED_HOSTS = ["*"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }  # no collectstatic here
    load_starter_set()
    import_package(args.esco, ["nl", "en"])
    user = User.objects.create_user("bench@example.nl", "een-lang-wachtwoord", name="Bench")
    clerk = Occupation.objects.get(code="baliemedewerker-burgerzaken")
    profile = Profile.objects.create(user=user, current_occupation=clerk, years_in_occupation=12)
    rng = random.Random(5)
    own = list(OccupationSkill.objects.filter(occupation=clerk).values_list("skill_id", flat=True).distinct())
    others = list(OccupationSkill.objects.values_list("skill_id", flat=True).distinct()[:5000])
    chosen = list(dict.fromkeys(own + rng.sample(others, 80)))[:50]
    ProfileSkill.objects.bulk_create(
        ProfileSkill(profile=profile, skill_id=s, level=rng.randint(1, 4)) for s in chosen
    )

    client = Client()
    client.force_login(user)
    for query in ({}, {"soort": "andere-sectoren"}):
        assert client.get("/verkennen/", query).status_code == 200  # warm the engine and caches
    timings = []
    for i in range(120):
        query = [{}, {"soort": "andere-sectoren"}, {"groep": "4"}, {"minimaal": "20"}][i % 4]
        start = time.perf_counter()
        response = client.get("/verkennen/", query)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    timings.sort()
    p50, p95 = statistics.median(timings), timings[int(len(timings) * 0.95)]
    print(f"profile skills {profile.skills.count()}; occupations {Occupation.objects.count()}")
    print(
        f"Verkennen  p50 {p50:6.1f} ms   p95 {p95:6.1f} ms"
        f"   max {timings[-1]:6.1f} ms   ({len(timings)} requests, {args.db})"
    )
