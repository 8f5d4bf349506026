from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management import BaseCommand, call_command

from home.demo import create_page_tree

SEEDS = Path(__file__).resolve().parents[4] / "seeds"


class Command(BaseCommand):
    help = "Create the demo's page tree, import the seed articles and an admin user."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--password", default="newsroom-demo")

    def handle(self, *args, username, password, **options):
        home, news, people = create_page_tree()
        call_command(
            "import_articles", str(SEEDS), parent=str(news.pk), publish=True, no_progress=True
        )
        User = get_user_model()
        user = User.objects.filter(username=username).first() or User(username=username)
        user.is_staff = user.is_superuser = True
        user.set_password(password)
        user.save()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo ready: http://127.0.0.1:8000{news.url} — admin at "
                f"http://127.0.0.1:8000/admin/ (username {username}, password {password})"
            )
        )
