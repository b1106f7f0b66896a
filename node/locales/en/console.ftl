### status: source
### language: English
# The console's own words. Code lists (categories, purposes,
# reasons, handling codes, indicators, ICCS titles) are in codes.ftl.

## Formats
# Digit grouping of whole numbers.
number-group = ,
# A date and time, always UTC. $day and $year are numbers, $month a name
# from month-1 to month-12, $time "HH:MM".
date-time = { $day } { $month } { $year }, { $time } UTC
month-1 = Jan
month-2 = Feb
month-3 = Mar
month-4 = Apr
month-5 = May
month-6 = Jun
month-7 = Jul
month-8 = Aug
month-9 = Sep
month-10 = Oct
month-11 = Nov
month-12 = Dec

## The frame of every page
console-title = Liaison console
node-of = Node of { $country }
signed-in-as = Signed in as { $user }
sign-out = Sign out
language = Language
not-reviewed = not yet reviewed
skip-to-content = Skip to content
nav-requests = Requests
nav-new-request = New request
nav-inbox = Inbox
nav-audit = Audit log
nav-reports = Reports
nav-peers = Peers
nav-users = Users
nav-account = My account
free-text-note = Shown as sent, in the sender's language ({ $language }); never translated.
free-text-note-unknown = Shown as sent; never translated.

## Signing in
sign-in = Sign in
sign-in-title = Sign in to Liaison
login = Login name
password = Password
sign-in-refused = Sign-in refused: wrong login name or password, or the account is locked or disabled.
second-factor = Second factor
second-factor-code = Code from your authenticator app
second-factor-refused = The code is wrong or already used.
verify = Verify
session-ended = Your session has ended. Please sign in again.
signed-out = You are signed out.
forbidden = Your role ({ $role }) may not open this page.
not-found = Not found.
csrf-refused = This form has expired or did not come from this console. Reload the page and try again.
error-title = Something went wrong
back = Back

## My account
account-title = My account
change-password = Change password
must-change-password = Your password was set by an administrator: choose your own before you go on.
current-password = Current password
new-password = New password
new-password-rule = At least { $min } characters, not containing your login name.
password-changed = Password changed.
enrol-totp = Set up a second factor
totp-required = Your role must sign in with a second factor: set one up before you go on.
totp-secret = Enter this key in your authenticator app (time-based, SHA-1, 6 digits, 30 seconds):
totp-uri = Or open this link on the phone that has the app:
totp-enrolled = Second factor set up.
totp-active = A second factor is set up for this account.
language-saved = Language saved.
save = Save
api-token = Personal API token
api-token-explain = For the command line (liaison login): it acts as you. It is shown once.
api-token-issue = Issue a token
api-token-issued = Your new token (copy it now; it is not shown again):

## Requests (focal point)
requests-title = Requests sent by { $country }
requests-none = No requests yet.
open-requests = { $count ->
    [one] One open request
   *[other] { $count } open requests
}
col-request = Request
col-to = To
col-category = Category
col-status = Status
col-deadline = Deadline
col-time-left = Time left
col-case = Case
time-left-days = { $days ->
    [one] 1 day
   *[other] { $days } days
}
time-left-hours = { $hours ->
    [one] 1 hour
   *[other] { $hours } hours
}
overdue = overdue
new-request-title = New request
field-to = To (country)
field-category = Category
field-purpose = Purpose
field-offences = Offences (ICCS)
field-legal-basis = Legal basis
field-legal-basis-reference = Reference of the legal basis (treaty, statute)
field-case-reference = Case reference
field-summary = Summary
field-summary-language = Language of the summary
field-deadline-days = Answer within (days)
field-subject-kind = Subject kind
field-subject-role = Role
field-subject-value = Identifier
field-possible-victim = This request concerns a possible victim of trafficking
field-indicators = Victim indicators
field-fields = Fields asked for
field-national-offence = National offence (optional)
subject-n = Subject { $n }
preview = Check against the agreements
send = Send
dry-run-allowed = Both agreements allow this request: { $detail }
dry-run-denied = Refused by the agreements: { $detail }
sent = Request sent.
request-title = Request { $id }
timeline = Timeline
answer = Answer
receipts = Receipts
audit-positions = Audit log positions
withdraw = Withdraw
withdrawn = Withdrawn.
no-answer-yet = No answer yet.
fields-released = Released fields
fields-redacted = Withheld by the agreement
handling = Handling
retention = Kept for { $days } days
refused-because = Refused: { $reason }

## Inbox (agency)
inbox-title = Requests for { $agency }
inbox-none = Nothing to answer.
victim-notice = This request concerns a possible victim of trafficking. Treat the person as a victim: the non-punishment principle applies ({ $provision }).
dual-criminality = Dual criminality: { $indication }
from-country = From { $country }
answer-title = Answer
refuse-title = Refuse
field-value = Value
field-refusal-reason = Reason
field-note = Note to the requester
preview-answer = Preview what will be released
answer-send = Send the answer
refuse-send = Refuse the request
will-release = Will be released
will-redact = Will be withheld (not granted by the agreement)
answered = Answer sent.
refused = Refusal sent.

## Audit (auditor)
audit-title = Audit log
filter-peer = Peer
filter-category = Category
filter-event = Event
filter-from = From (date)
filter-to = To (date)
filter = Filter
col-index = #
col-time = Time
col-event = Event
col-actor = Who
col-peer = Peer
col-detail = Detail
verify-log = Verify this node's log
verify-ok = The log verifies: { $entries } entries, tree head signed by this node (key { $key }), every entry in it. Root: { $root }
verify-failed = The log does NOT verify: { $problem }
export = Download the export
reports-title = Reports
report-per-peer = Requests per peer
report-per-category = Requests per category
report-per-month = Requests per month
filter-event-hint = The start of an event name, e.g. request. or policy.
filter-before = Page
filter-bad-date = { $field }: not a date. Write it as YYYY-MM-DD, e.g. 2026-11-30.
filter-bad-value = { $field }: not understood. Check it and try again.
audit-none = No entries match these filters.
audit-newest = Newest first
audit-next = Older entries
export-explain = The same file as "liaison audit export": the signed tree head and every entry with its inclusion proof, for verification offline with "liaison audit verify".
verify-title = Verification of this node's log
verify-checked = Entries checked: { $entries }.
report-explain = New requests (sent or received), from the audit log.
report-none = No requests yet.
report-month = { $month } { $year }
col-count = Requests
col-month = Month

## Admin
peers-title = Peers
col-peer-health = Health
col-last-delivery = Last delivery
col-queue = Queue
compare = Compare agreements
peers-none = No peers are configured.
col-country = Country
col-endpoint = Endpoint
col-agreement = Agreement in force
health-ok = OK
health-alarm = Alarm: witnessing found a problem
health-failing = Deliveries failing
health-unknown = Not witnessed yet
never = never
agreement-version = version { $version }
keys-config = Keys and configuration
own-key-id = This node's signing key id
previous-key-ids = Earlier key ids
config-path = Configuration file
console-tls = Console over HTTPS
local-tls = Local API over TLS
on = on
off = off
none = none
agreements-title = Agreement with { $peer }
agreements-same = Both copies agree.
agreements-differences = Differences
col-aspect = What differs
col-explanation = What it means
this-node = This node
peer-side = The peer's copy
agreement-rule = Rule
agreement-rule-n = Rule { $n }
agreement-category = category
agreement-flows = directions
agreement-purposes = purposes
agreement-release = released fields
agreement-handling = handling
agreement-retention = retention (days)
agreement-daily-limit = daily limit
agreement-legal-bases = legal bases
agreement-dual-criminality = dual criminality required
absent = absent
differs = differs
users-title = Users
col-login = Login
col-role = Role
col-second-factor = Second factor
col-state = State
add-user = Add a user
user-added = User { $login } added. One-time password (give it to them; they must change it): { $password }
password-reset = New one-time password for { $login }: { $password }
disable = Disable
enable = Enable
reset-password = Reset password
set-role = Change role
state-active = active
state-disabled = disabled
state-locked = locked
yes = yes
no = no
col-subject = Subject
field-dual-decision = Your decision on dual criminality, if you override the indication
field-victim-name = Full name of the possible victim
field-victim-birth = Date of birth
field-victim-nationality = Nationality (country code)
field-fields-hint = Comma-separated field names; empty for every field the agreement accepts.
text-kind-phone = Phone number
text-kind-person = Person (full name)
text-kind-wallet = Crypto wallet
text-kind-company = Company
text-kind-iban = Bank account (IBAN)
text-kind-bank-account = Bank account (number and BIC)
text-kind-online = Online account
text-kind-imei = Device (IMEI)
text-kind-id-document = Identity document
text-kind-vehicle = Vehicle
text-kind-ip = IP address
evidence-title = Evidence files
evidence-none = No file is attached to this request yet.
evidence-col-file = File
evidence-col-from = From
evidence-col-state = State
evidence-col-acquired = Acquired by, when, from what source
evidence-col-hash = SHA-256
evidence-size = { $bytes } bytes
evidence-state-attached = Attached here, not yet sent
evidence-state-sending = Sending
evidence-state-delivered = Delivered: the receiver verified it and signed a receipt
evidence-state-expected = Expected: its bytes are on their way
evidence-state-received = Received and verified against the signed manifest
evidence-state-purged = Erased at the end of the retention period
evidence-state-unknown = Unknown state
evidence-download = Download
evidence-send = Send the attached files
evidence-package = Download the court package
evidence-package-note = One zip file a court can check offline with "liaison evidence verify": the files, the signed messages and receipts, every custody entry with its proof, the signed tree heads and both countries' keys. Downloading it is recorded in the audit log.
evidence-attach-title = Attach a file
evidence-field-source = Source or device it was taken from
evidence-field-description = What it shows
evidence-field-file = File
evidence-limit = Files up to { $mib } MiB on this node; the agreement may allow less, and names the media types it accepts. Attached files are sent only when you press "Send the attached files".
evidence-attach = Attach
