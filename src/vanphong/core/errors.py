"""Errors are codes with Vietnamese messages (STYLE habit 4): tests assert the code, users read the text."""


class ServiceError(Exception):
    """Base for domain errors. Subclasses list their codes as (code, message) class attributes.

    class MemberError(ServiceError):
        CARD_TAKEN = "card_taken", _("This party card number is already in use.")

    raise MemberError(MemberError.CARD_TAKEN)
    """

    def __init__(self, error: tuple[str, str], **params):
        self.code, template = error
        self.params = params
        self.message = str(template) % params if params else str(template)
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message
