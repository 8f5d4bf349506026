from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import BaseCommand, call_command
from wagtail.models import Site

from home.demo import create_page_tree

SEEDS = Path(__file__).resolve().parents[4] / "seeds"


class Command(BaseCommand):
    help = "Create the demo's page tree, import the seed articles and an admin user."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--password", default="newsroom-demo")
        parser.add_argument(
            "--url",
            default=settings.WAGTAILADMIN_BASE_URL,
            help="Where the demo is served: the site's host name and port, so that canonical "
            "links, feeds, sitemaps and the API point there (default: WAGTAILADMIN_BASE_URL).",
        )

    def handle(self, *args, username, password, url, **options):
        home, news, people = create_page_tree()
        address = urlsplit(url)
        site = Site.objects.get(root_page=home)
        site.hostname = address.hostname
        site.port = address.port or (443 if address.scheme == "https" else 80)
        site.save()
        Site.clear_site_root_paths_cache()
        call_command(
            "import_articles", str(SEEDS), parent=str(news.pk), publish=True, no_progress=True
        )
        User = get_user_model()
        user = User.objects.filter(username=username).first() or User(username=username)
        user.is_staff = user.is_superuser = True
        user.set_password(password)
        user.save()
        base = url.rstrip("/")
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo ready: {base}{news.url} — admin at {base}/admin/ "
                f"(username {username}, password {password})"
            )
        )
