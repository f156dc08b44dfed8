"""Mail servers for the outbox's tests: Django's locmem backend (mail.outbox) stands for a server that
accepts everything; these stand for the external SMTP server misbehaving."""

import smtplib

from django.core.mail.backends.locmem import EmailBackend

# Address -> the reply code the "server" refuses it with; tests fill it in with monkeypatch.
REFUSED: dict[str, int] = {}


class RefusingServer(EmailBackend):
    """Refuses the addresses in REFUSED (as an SMTP server answers RCPT TO) and accepts the rest."""

    def send_messages(self, messages):
        for message in messages:
            for address in message.to:
                if address in REFUSED:
                    code = REFUSED[address]
                    raise smtplib.SMTPRecipientsRefused({address: (code, f"<{address}>: mailbox unavailable".encode())})
        return super().send_messages(messages)


class DroppingServer(EmailBackend):
    """Takes the message, then the connection drops before the server's final answer reaches us."""

    def send_messages(self, messages):
        super().send_messages(messages)
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


class UnreachableServer(EmailBackend):
    def open(self):
        raise ConnectionRefusedError(111, "Connection refused")
