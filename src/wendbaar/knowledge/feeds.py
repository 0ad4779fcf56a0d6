"""RSS 2.0 feed per podcast series, with the iTunes tags podcast apps read."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Rss201rev2Feed

from wendbaar.knowledge.models import Episode, PodcastSeries

ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"


class PodcastFeed(Rss201rev2Feed):
    """Rss201rev2Feed plus the itunes namespace: channel and item elements Apple Podcasts expects."""

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:itunes": ITUNES}

    def add_root_elements(self, handler):
        super().add_root_elements(handler)
        f = self.feed
        handler.addQuickElement("itunes:author", f["itunes_author"])
        handler.addQuickElement("itunes:summary", f["description"])
        handler.addQuickElement("itunes:type", "episodic")
        handler.addQuickElement("itunes:explicit", "true" if f["itunes_explicit"] else "false")
        handler.addQuickElement("itunes:category", "", {"text": f["itunes_category"]})
        if f.get("itunes_image"):
            handler.addQuickElement("itunes:image", "", {"href": f["itunes_image"]})
            handler.startElement("image", {})
            handler.addQuickElement("url", f["itunes_image"])
            handler.addQuickElement("title", f["title"])
            handler.addQuickElement("link", f["link"])
            handler.endElement("image")
        handler.startElement("itunes:owner", {})
        handler.addQuickElement("itunes:name", f["itunes_owner_name"])
        handler.addQuickElement("itunes:email", f["itunes_owner_email"])
        handler.endElement("itunes:owner")

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("itunes:title", item["title"])
        handler.addQuickElement("itunes:duration", item["itunes_duration"])
        handler.addQuickElement("itunes:episode", str(item["itunes_episode"]))
        handler.addQuickElement("itunes:episodeType", "full")
        handler.addQuickElement("itunes:summary", item["description"])
        handler.addQuickElement("itunes:explicit", "true" if item["itunes_explicit"] else "false")


class SeriesFeed(Feed):
    feed_type = PodcastFeed

    def get_object(self, request, slug):
        self.request = request
        return get_object_or_404(PodcastSeries.objects.published(), slug=slug)

    def title(self, series):
        return series.title

    def link(self, series):
        return series.get_absolute_url()

    def description(self, series):
        return series.summary

    def feed_url(self, series):
        return self.request.path

    def author_name(self, series):
        return series.host

    def feed_copyright(self, series):
        return series.owner_name

    def feed_extra_kwargs(self, series):
        return {
            "itunes_author": series.host,
            "itunes_explicit": series.explicit,
            "itunes_category": series.itunes_category,
            "itunes_owner_name": series.owner_name,
            "itunes_owner_email": series.owner_email,
            "itunes_image": self.request.build_absolute_uri(series.cover.url) if series.cover else "",
        }

    def items(self, series):
        return Episode.objects.published().filter(series=series).order_by("-number")

    def item_title(self, episode):
        return episode.title

    def item_description(self, episode):
        return episode.summary if not episode.body else f"{episode.summary}\n\n{episode.body}"

    def item_link(self, episode):
        return episode.get_absolute_url()

    def item_guid(self, episode):
        return f"wendbaar-kennisbank-aflevering-{episode.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, episode):
        return episode.published_at

    def item_updateddate(self, episode):
        return episode.updated_at

    def item_enclosure_url(self, episode):
        return self.request.build_absolute_uri(episode.audio.url)

    def item_enclosure_length(self, episode):
        return episode.audio_bytes

    def item_enclosure_mime_type(self, episode):
        return episode.audio_type

    def item_extra_kwargs(self, episode):
        return {
            "itunes_duration": episode.itunes_duration,
            "itunes_episode": episode.number,
            "itunes_explicit": episode.series.explicit,
        }
