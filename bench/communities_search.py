"""Beroepsgroepen under a realistic load: search, the group and topic pages, notifications and posting.

Builds groups (a third of them closed), members, topics and replies on a throw-away database, then prints
the server time of the pages and the search (p50/p95 over repeated requests), the time to place replies
through the full rules (limits, mentions, notifications) and to send a daily digest. Checks the outcome
too (an outsider never finds a closed group's post), so a fast wrong answer cannot pass as a figure.

    .venv/bin/python bench/communities_search.py --db sqlite
    .venv/bin/python bench/communities_search.py --db postgres      # BENCH_POSTGRES_URL, default local
"""

import argparse
import random
import statistics
import sys
import time
from datetime import timedelta

from _setup import ROOT, fresh_django

sys.path.insert(0, str(ROOT))

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
parser.add_argument("--groups", type=int, default=30)
parser.add_argument("--people", type=int, default=600)
parser.add_argument("--threads", type=int, default=1500)
parser.add_argument("--replies", type=int, default=12, help="average replies per topic")
parser.add_argument("--repeat", type=int, default=40)
args = parser.parse_args()

WORDS = (
    "paspoort rijbewijs balie afspraak wachttijd telefoon chat kwijtschelding aanslag verhuizing "
    "BRP identiteit spoed leges huwelijk geboorte uittreksel klacht terugbellen kennisbank zorg "
    "overstap meeloopdag opleiding thuiszorg werkinstructie collega team rooster planning inwoner"
).split()


# Everyday words around the domain words, so that a search word occurs in a few per cent of the posts.
FILLER = [f"woord{n}" for n in range(600)]


def sentence(rng: random.Random, words: int) -> str:
    chosen = (rng.choice(WORDS) if rng.random() < 0.1 else rng.choice(FILLER) for _ in range(words))
    return " ".join(chosen).capitalize() + "."


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def report(label, samples_ms):
    p50, p95 = statistics.median(samples_ms), percentile(samples_ms, 0.95)
    print(f"  {label:<44} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms")


with fresh_django(args.db):
    from django.conf import settings
    from django.core import mail
    from django.db import connection
    from django.db.models import Count
    from django.test import Client
    from django.utils import timezone

    from wendbaar.accounts.models import User
    from wendbaar.communities import formatting, search, services
    from wendbaar.communities.models import (
        Access,
        Group,
        MemberRole,
        Membership,
        MembershipStatus,
        Post,
        Thread,
    )
    from wendbaar.notifications.services import send_digests

    settings.ALLOWED_HOSTS = ["testserver"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    rng = random.Random(20260301)

    started = time.perf_counter()
    people = User.objects.bulk_create(
        [User(email=f"collega{n}@example.nl", name=f"Collega {n}", password="!") for n in range(args.people)]
    )
    groups = Group.objects.bulk_create(
        [
            Group(
                name=f"Groep {n}",
                slug=f"groep-{n}",
                summary="Een groep",
                access=Access.CLOSED if n % 3 == 0 else Access.OPEN,
            )
            for n in range(args.groups)
        ]
    )
    memberships, members_of = [], {}
    for group in groups:
        chosen = rng.sample(people, k=min(len(people), 60))
        members_of[group.pk] = chosen
        memberships += [
            Membership(
                group=group,
                user=user,
                status=MembershipStatus.ACTIVE,
                role=MemberRole.MODERATOR if i == 0 else MemberRole.MEMBER,
                joined_at=timezone.now(),
            )
            for i, user in enumerate(chosen)
        ]
    Membership.objects.bulk_create(memberships)
    now = timezone.now()
    threads = Thread.objects.bulk_create(
        [
            Thread(
                group=(group := rng.choice(groups)),
                author=rng.choice(members_of[group.pk]),
                title=sentence(rng, 6),
                last_activity_at=now,
            )
            for _ in range(args.threads)
        ]
    )
    posts = []
    for thread in threads:
        for i in range(1 + rng.randint(0, 2 * args.replies)):
            body = sentence(rng, rng.randint(8, 60))
            html, text = formatting.render(body)
            posts.append(
                Post(
                    thread=thread,
                    author=rng.choice(members_of[thread.group_id]),
                    is_opening=i == 0,
                    body=body,
                    body_html=html,
                    body_text=text,
                    is_hidden=rng.random() < 0.02,
                )
            )
    Post.objects.bulk_create(posts, batch_size=2000)
    # History, not a flood: the posting limit counts recent posts only.
    Post.objects.update(created_at=now - timedelta(days=30))
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # as autovacuum would have done on a live database
    print(
        f"Data ({args.db}): {len(groups)} groups, {len(people)} people, {len(threads)} topics, "
        f"{len(posts)} posts — built in {time.perf_counter() - started:.1f} s"
    )

    closed = next(g for g in groups if g.access == Access.CLOSED)
    member = members_of[closed.pk][1]
    moderator = members_of[closed.pk][0]
    outsider = User.objects.create(email="buiten@example.nl", name="Olga Buiten", password="!")

    # Correctness first: the outsider never finds a closed group's post.
    for word in WORDS[:10]:
        found = search.search(outsider, word).posts
        assert all(p.thread.group.access == Access.OPEN for p in found)
        assert all(not p.is_hidden and not p.thread.is_hidden for p in found)

    print("Search (service, 50 results at most):")
    for label, user in (("outsider", outsider), ("member", member), ("moderator", moderator)):
        for query in ("paspoort", "balie wachttijd", "zorg overstap opleiding"):
            samples = []
            for _ in range(args.repeat):
                t0 = time.perf_counter()
                search.search(user, query)
                samples.append((time.perf_counter() - t0) * 1000)
            report(f"{label}: '{query}'", samples)

    client = Client()
    client.force_login(member)
    busy = Thread.objects.filter(group=closed).annotate(n=Count("posts")).order_by("-n").first()
    print("Pages (server time through the test client, signed in as a member):")
    for label, url in (
        ("overview /beroepsgroepen/", "/beroepsgroepen/"),
        ("group page", closed.get_absolute_url()),
        (f"topic page ({busy.n} posts)", busy.get_absolute_url()),
        ("search page 'paspoort'", "/beroepsgroepen/zoeken/?q=paspoort"),
        ("notifications page", "/meldingen/?groep=beroepsgroepen"),
    ):
        samples = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            response = client.get(url)
            samples.append((time.perf_counter() - t0) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        report(label, samples)

    print("Posting through the rules (limits, mentions, follows, notifications):")
    thread = busy
    samples = []
    writers = members_of[closed.pk][2:42]
    for n, writer in enumerate(writers * 5):
        t0 = time.perf_counter()
        services.reply(thread, writer, body=f"Reactie {n}: @{members_of[closed.pk][1].name} wat vind jij?")
        samples.append((time.perf_counter() - t0) * 1000)
    report(f"{len(samples)} replies in one busy topic", samples)

    t0 = time.perf_counter()
    counts = send_digests()
    elapsed = time.perf_counter() - t0
    print(
        f"Daily digest: {counts['mails']} mails with {counts['notifications']} notifications "
        f"in {elapsed * 1000:.0f} ms ({len(mail.outbox)} in the outbox)"
    )
