from django.contrib import admin

from wendbaar.learning.models import Course


@admin.register(Course)
class CourseAdmin(admin.ModelAdmin):
    list_display = ["title", "provider", "format", "hours", "price_euros", "active"]
    list_filter = ["format", "active"]
    search_fields = ["title", "provider", "description"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["skills"]
