from django.shortcuts import render

from wendbaar.taxonomy.services import taxonomy_stats


def home(request):
    return render(request, "core/home.html", {"stats": taxonomy_stats()})
