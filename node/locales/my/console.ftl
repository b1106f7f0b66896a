### status: drafted, not yet reviewed by a native speaker
### language: Burmese

# The console's own words. Code lists (categories, purposes,
# reasons, handling codes, indicators, ICCS titles) are in codes.ftl.


## Formats

# Digit grouping of whole numbers.
# en: ,
number-group = ,
# A date and time, always UTC. $day and $year are numbers, $month a name
# from month-1 to month-12, $time "HH:MM".
# en: { $day } { $month } { $year }, { $time } UTC
date-time = { $year } { $month } { $day } { $time } UTC
# en: Jan
month-1 = ဇန်
# en: Feb
month-2 = ဖေ
# en: Mar
month-3 = မတ်
# en: Apr
month-4 = ဧ
# en: May
month-5 = မေ
# en: Jun
month-6 = ဇွန်
# en: Jul
month-7 = ဇူ
# en: Aug
month-8 = ဩ
# en: Sep
month-9 = စက်
# en: Oct
month-10 = အောက်
# en: Nov
month-11 = နို
# en: Dec
month-12 = ဒီ

## The frame of every page

# en: Liaison console
console-title = Liaison ကွန်ဆိုးလ်
# en: Node of { $country }
node-of = { $country } ၏ node
# en: Signed in as { $user }
signed-in-as = { $user } အဖြစ် ဝင်ရောက်ထားသည်
# en: Sign out
sign-out = ထွက်ရန်
# en: Language
language = ဘာသာစကား
# en: not yet reviewed
not-reviewed = မစိစစ်ရသေး
# en: Skip to content
skip-to-content = အကြောင်းအရာသို့ ကျော်ရန်
# en: Requests
nav-requests = တောင်းဆိုချက်များ
# en: New request
nav-new-request = တောင်းဆိုချက်အသစ်
# en: Inbox
nav-inbox = ဝင်စာပုံး
# en: Audit log
nav-audit = စာရင်းစစ် မှတ်တမ်း
# en: Reports
nav-reports = အစီရင်ခံစာများ
# en: Peers
nav-peers = တစ်ဖက် node များ
# en: Users
nav-users = အသုံးပြုသူများ
# en: My account
nav-account = ကျွန်ုပ်၏ အကောင့်
# en: Shown as sent, in the sender's language ({ $language }); never translated.
free-text-note = ပေးပို့သူ၏ ဘာသာစကား ({ $language }) ဖြင့် ပို့သည့်အတိုင်း ပြသထားသည်။ ဘာသာမပြန်ပါ။
# en: Shown as sent; never translated.
free-text-note-unknown = ပို့သည့်အတိုင်း ပြသထားသည်။ ဘာသာမပြန်ပါ။

## Signing in

# en: Sign in
sign-in = ဝင်ရန်
# en: Sign in to Liaison
sign-in-title = Liaison သို့ ဝင်ရန်
# en: Login name
login = အသုံးပြုသူအမည်
# en: Password
password = စကားဝှက်
# en: Sign-in refused: wrong login name or password, or the account is locked or disabled.
sign-in-refused = ဝင်ရောက်ခွင့် ငြင်းပယ်ခံရသည်- အသုံးပြုသူအမည် သို့မဟုတ် စကားဝှက် မှားနေသည်၊ သို့မဟုတ် အကောင့်ကို သော့ခတ်ထားသည် သို့မဟုတ် ပိတ်ထားသည်။
# en: Second factor
second-factor = ဒုတိယ အထောက်အထား
# en: Code from your authenticator app
second-factor-code = သင်၏ authenticator အက်ပ်မှ ကုဒ်
# en: The code is wrong or already used.
second-factor-refused = ကုဒ် မှားနေသည် သို့မဟုတ် အသုံးပြုပြီးဖြစ်သည်။
# en: Verify
verify = အတည်ပြုရန်
# en: Your session has ended. Please sign in again.
session-ended = သင်၏ session ပြီးဆုံးသွားပါပြီ။ ကျေးဇူးပြု၍ ထပ်မံ ဝင်ရောက်ပါ။
# en: You are signed out.
signed-out = သင် ထွက်ပြီးပါပြီ။
# en: Your role ({ $role }) may not open this page.
forbidden = သင်၏ အခန်းကဏ္ဍ ({ $role }) ဖြင့် ဤစာမျက်နှာကို ဖွင့်ခွင့်မရှိပါ။
# en: Not found.
not-found = ရှာမတွေ့ပါ။
# en: This form has expired or did not come from this console. Reload the page and try again.
csrf-refused = ဤဖောင်သည် သက်တမ်းကုန်သွားပြီ သို့မဟုတ် ဤကွန်ဆိုးလ်မှ မလာပါ။ စာမျက်နှာကို ပြန်ဖွင့်ပြီး ထပ်စမ်းကြည့်ပါ။
# en: Something went wrong
error-title = တစ်ခုခု မှားယွင်းသွားသည်
# en: Back
back = နောက်သို့

## My account

# en: My account
account-title = ကျွန်ုပ်၏ အကောင့်
# en: Change password
change-password = စကားဝှက် ပြောင်းရန်
# en: Your password was set by an administrator: choose your own before you go on.
must-change-password = သင်၏ စကားဝှက်ကို စီမံခန့်ခွဲသူက သတ်မှတ်ထားသည်- ဆက်မလုပ်မီ သင့်ကိုယ်ပိုင် စကားဝှက်ကို ရွေးပါ။
# en: Current password
current-password = လက်ရှိ စကားဝှက်
# en: New password
new-password = စကားဝှက် အသစ်
# en: At least { $min } characters, not containing your login name.
new-password-rule = အနည်းဆုံး စာလုံး { $min } လုံး၊ သင်၏ အသုံးပြုသူအမည် မပါရ။
# en: Password changed.
password-changed = စကားဝှက် ပြောင်းပြီးပါပြီ။
# en: Set up a second factor
enrol-totp = ဒုတိယ အထောက်အထား သတ်မှတ်ရန်
# en: Your role must sign in with a second factor: set one up before you go on.
totp-required = သင်၏ အခန်းကဏ္ဍသည် ဒုတိယ အထောက်အထားဖြင့် ဝင်ရမည်- ဆက်မလုပ်မီ တစ်ခု သတ်မှတ်ပါ။
# en: Enter this key in your authenticator app (time-based, SHA-1, 6 digits, 30 seconds):
totp-secret = ဤသော့ကို သင်၏ authenticator အက်ပ်တွင် ထည့်ပါ (အချိန်အခြေပြု၊ SHA-1၊ ဂဏန်း 6 လုံး၊ 30 စက္ကန့်)-
# en: Or open this link on the phone that has the app:
totp-uri = သို့မဟုတ် အက်ပ်ရှိသော ဖုန်းပေါ်တွင် ဤလင့်ခ်ကို ဖွင့်ပါ-
# en: Second factor set up.
totp-enrolled = ဒုတိယ အထောက်အထား သတ်မှတ်ပြီးပါပြီ။
# en: A second factor is set up for this account.
totp-active = ဤအကောင့်အတွက် ဒုတိယ အထောက်အထား သတ်မှတ်ထားပြီး ဖြစ်သည်။
# en: Language saved.
language-saved = ဘာသာစကား သိမ်းဆည်းပြီးပါပြီ။
# en: Save
save = သိမ်းရန်
# en: Personal API token
api-token = ကိုယ်ပိုင် API တိုကင်
# en: For the command line (liaison login): it acts as you. It is shown once.
api-token-explain = command line (liaison login) အတွက်- ၎င်းသည် သင့်ကိုယ်စား လုပ်ဆောင်သည်။ တစ်ကြိမ်သာ ပြသသည်။
# en: Issue a token
api-token-issue = တိုကင် ထုတ်ပေးရန်
# en: Your new token (copy it now; it is not shown again):
api-token-issued = သင်၏ တိုကင်အသစ် (ယခုပင် ကူးယူပါ၊ နောက်တစ်ကြိမ် မပြတော့ပါ)-

## Requests (focal point)

# en: Requests sent by { $country }
requests-title = { $country } က ပေးပို့သော တောင်းဆိုချက်များ
# en: No requests yet.
requests-none = တောင်းဆိုချက် မရှိသေးပါ။
# en: { $count -> [one] One open request *[other] { $count } open requests }
open-requests = ဖွင့်ထားသော တောင်းဆိုချက် { $count } ခု
# en: Request
col-request = တောင်းဆိုချက်
# en: To
col-to = သို့
# en: Category
col-category = အမျိုးအစား
# en: Status
col-status = အခြေအနေ
# en: Deadline
col-deadline = သတ်မှတ်ရက်
# en: Time left
col-time-left = ကျန်ရှိချိန်
# en: Case
col-case = အမှု
# en: { $days -> [one] 1 day *[other] { $days } days }
time-left-days = { $days } ရက်
# en: { $hours -> [one] 1 hour *[other] { $hours } hours }
time-left-hours = { $hours } နာရီ
# en: overdue
overdue = သတ်မှတ်ရက် ကျော်လွန်
# en: New request
new-request-title = တောင်းဆိုချက်အသစ်
# en: To (country)
field-to = သို့ (နိုင်ငံ)
# en: Category
field-category = အမျိုးအစား
# en: Purpose
field-purpose = ရည်ရွယ်ချက်
# en: Offences (ICCS)
field-offences = ပြစ်မှုများ (ICCS)
# en: Legal basis
field-legal-basis = ဥပဒေအခြေခံ
# en: Reference of the legal basis (treaty, statute)
field-legal-basis-reference = ဥပဒေအခြေခံ၏ ရည်ညွှန်းချက် (စာချုပ်၊ ဥပဒေ)
# en: Case reference
field-case-reference = အမှု ရည်ညွှန်းအမှတ်
# en: Summary
field-summary = အကျဉ်းချုပ်
# en: Language of the summary
field-summary-language = အကျဉ်းချုပ်၏ ဘာသာစကား
# en: Answer within (days)
field-deadline-days = ပြန်ကြားရမည့် ကာလ (ရက်)
# en: Subject kind
field-subject-kind = စုံစမ်းခံရသူ/အရာ အမျိုးအစား
# en: Role
field-subject-role = အခန်းကဏ္ဍ
# en: Identifier
field-subject-value = သတ်မှတ်ချက်
# en: This request concerns a possible victim of trafficking
field-possible-victim = ဤတောင်းဆိုချက်သည် လူကုန်ကူးမှု ကျူးလွန်ခံရသူ ဖြစ်နိုင်သူနှင့် သက်ဆိုင်သည်
# en: Victim indicators
field-indicators = ကျူးလွန်ခံရသူ ညွှန်ပြချက်များ
# en: Fields asked for
field-fields = တောင်းဆိုသော အချက်အလက်များ
# en: National offence (optional)
field-national-offence = နိုင်ငံတွင်း ဥပဒေအရ ပြစ်မှု (မဖြည့်လည်း ရသည်)
# en: Subject { $n }
subject-n = စုံစမ်းခံရသူ/အရာ { $n }
# en: Check against the agreements
preview = သဘောတူညီချက်များနှင့် စစ်ဆေးရန်
# en: Send
send = ပို့ရန်
# en: Both agreements allow this request: { $detail }
dry-run-allowed = သဘောတူညီချက် နှစ်ခုစလုံးက ဤတောင်းဆိုချက်ကို ခွင့်ပြုသည်- { $detail }
# en: Refused by the agreements: { $detail }
dry-run-denied = သဘောတူညီချက်များအရ ငြင်းပယ်သည်- { $detail }
# en: Request sent.
sent = တောင်းဆိုချက် ပို့ပြီးပါပြီ။
# en: Request { $id }
request-title = တောင်းဆိုချက် { $id }
# en: Timeline
timeline = ဖြစ်စဉ်မှတ်တမ်း
# en: Answer
answer = အဖြေ
# en: Receipts
receipts = လက်ခံဖြတ်ပိုင်းများ
# en: Audit log positions
audit-positions = စာရင်းစစ် မှတ်တမ်းရှိ နေရာများ
# en: Withdraw
withdraw = ပြန်ရုပ်သိမ်းရန်
# en: Withdrawn.
withdrawn = ပြန်ရုပ်သိမ်းပြီးပါပြီ။
# en: No answer yet.
no-answer-yet = အဖြေ မရသေးပါ။
# en: Released fields
fields-released = ထုတ်ပေးသော အချက်အလက်များ
# en: Withheld by the agreement
fields-redacted = သဘောတူညီချက်အရ ထိန်းထားသည်
# en: Handling
handling = ကိုင်တွယ်ပုံ
# en: Kept for { $days } days
retention = { $days } ရက် သိမ်းဆည်းထားမည်
# en: Refused: { $reason }
refused-because = ငြင်းပယ်သည်- { $reason }

## Inbox (agency)

# en: Requests for { $agency }
inbox-title = { $agency } အတွက် တောင်းဆိုချက်များ
# en: Nothing to answer.
inbox-none = ပြန်ကြားရန် မရှိပါ။
# en: This request concerns a possible victim of trafficking. Treat the person as a victim: the non-punishment principle applies ({ $provision }).
victim-notice = ဤတောင်းဆိုချက်သည် လူကုန်ကူးမှု ကျူးလွန်ခံရသူ ဖြစ်နိုင်သူနှင့် သက်ဆိုင်သည်။ ထိုသူကို ကျူးလွန်ခံရသူအဖြစ် ဆက်ဆံပါ- အပြစ်မပေးရေး မူ သက်ရောက်သည် ({ $provision })။
# en: Dual criminality: { $indication }
dual-criminality = နှစ်နိုင်ငံလုံးတွင် ပြစ်မှုဖြစ်ခြင်း- { $indication }
# en: From { $country }
from-country = { $country } ထံမှ
# en: Answer
answer-title = ပြန်ကြားရန်
# en: Refuse
refuse-title = ငြင်းပယ်ရန်
# en: Value
field-value = တန်ဖိုး
# en: Reason
field-refusal-reason = အကြောင်းပြချက်
# en: Note to the requester
field-note = တောင်းဆိုသူထံ မှတ်ချက်
# en: Preview what will be released
preview-answer = ထုတ်ပေးမည့် အချက်အလက်ကို ကြိုကြည့်ရန်
# en: Send the answer
answer-send = အဖြေ ပို့ရန်
# en: Refuse the request
refuse-send = တောင်းဆိုချက်ကို ငြင်းပယ်ရန်
# en: Will be released
will-release = ထုတ်ပေးမည်
# en: Will be withheld (not granted by the agreement)
will-redact = ထိန်းထားမည် (သဘောတူညီချက်က ခွင့်မပြု)
# en: Answer sent.
answered = အဖြေ ပို့ပြီးပါပြီ။
# en: Refusal sent.
refused = ငြင်းပယ်ချက် ပို့ပြီးပါပြီ။

## Audit (auditor)

# en: Audit log
audit-title = စာရင်းစစ် မှတ်တမ်း
# en: Peer
filter-peer = တစ်ဖက် node
# en: Category
filter-category = အမျိုးအစား
# en: Event
filter-event = ဖြစ်ရပ်
# en: From (date)
filter-from = မှ (ရက်စွဲ)
# en: To (date)
filter-to = အထိ (ရက်စွဲ)
# en: Filter
filter = စစ်ထုတ်ရန်
# en: #
col-index = #
# en: Time
col-time = အချိန်
# en: Event
col-event = ဖြစ်ရပ်
# en: Who
col-actor = ဆောင်ရွက်သူ
# en: Peer
col-peer = တစ်ဖက် node
# en: Detail
col-detail = အသေးစိတ်
# en: Verify this node's log
verify-log = ဤ node ၏ မှတ်တမ်းကို စိစစ်ရန်
# en: The log verifies: { $entries } entries, tree head signed by this node (key { $key }), every entry in it. Root: { $root }
verify-ok = မှတ်တမ်း မှန်ကန်သည်- ထည့်သွင်းချက် { $entries } ခု၊ tree head ကို ဤ node က လက်မှတ်ထိုးထားပြီး (သော့ { $key }) ထည့်သွင်းချက်တိုင်း ပါဝင်သည်။ Root- { $root }
# en: The log does NOT verify: { $problem }
verify-failed = မှတ်တမ်း မမှန်ကန်ပါ- { $problem }
# en: Download the export
export = ထုတ်ယူထားသော ဒေတာကို ဒေါင်းလုဒ်ဆွဲရန်
# en: Reports
reports-title = အစီရင်ခံစာများ
# en: Requests per peer
report-per-peer = တစ်ဖက် node အလိုက် တောင်းဆိုချက်များ
# en: Requests per category
report-per-category = အမျိုးအစားအလိုက် တောင်းဆိုချက်များ
# en: Requests per month
report-per-month = လအလိုက် တောင်းဆိုချက်များ
# en: The start of an event name, e.g. request. or policy.
filter-event-hint = ဖြစ်ရပ်အမည်၏ အစပိုင်း၊ ဥပမာ request. သို့မဟုတ် policy.
# en: Page
filter-before = စာမျက်နှာ
# en: { $field }: not a date. Write it as YYYY-MM-DD, e.g. 2026-11-30.
filter-bad-date = { $field }- ရက်စွဲ မဟုတ်ပါ။ YYYY-MM-DD ပုံစံဖြင့် ရေးပါ၊ ဥပမာ 2026-11-30။
# en: { $field }: not understood. Check it and try again.
filter-bad-value = { $field }- နားမလည်ပါ။ စစ်ဆေးပြီး ထပ်စမ်းကြည့်ပါ။
# en: No entries match these filters.
audit-none = ဤစစ်ထုတ်မှုများနှင့် ကိုက်ညီသော ထည့်သွင်းချက် မရှိပါ။
# en: Newest first
audit-newest = အသစ်ဆုံး အရင်
# en: Older entries
audit-next = ယခင် ထည့်သွင်းချက်များ
# en: The same file as "liaison audit export": the signed tree head and every entry with its inclusion proof, for verification offline with "liaison audit verify".
export-explain = "liaison audit export" နှင့် ဖိုင်တူဖြစ်သည်- လက်မှတ်ထိုးထားသော tree head နှင့် ထည့်သွင်းချက်တိုင်းကို ၎င်း၏ inclusion proof နှင့်အတူ၊ "liaison audit verify" ဖြင့် အော့ဖ်လိုင်း စိစစ်ရန်။
# en: Verification of this node's log
verify-title = ဤ node ၏ မှတ်တမ်း စိစစ်ခြင်း
# en: Entries checked: { $entries }.
verify-checked = စစ်ဆေးပြီး ထည့်သွင်းချက်- { $entries }။
# en: New requests (sent or received), from the audit log.
report-explain = စာရင်းစစ် မှတ်တမ်းမှ တောင်းဆိုချက်အသစ်များ (ပို့ထားသော သို့မဟုတ် လက်ခံရရှိသော)။
# en: No requests yet.
report-none = တောင်းဆိုချက် မရှိသေးပါ။
# en: { $month } { $year }
report-month = { $year } { $month }
# en: Requests
col-count = တောင်းဆိုချက် အရေအတွက်
# en: Month
col-month = လ

## Admin

# en: Peers
peers-title = တစ်ဖက် node များ
# en: Health
col-peer-health = ချိတ်ဆက်မှု အခြေအနေ
# en: Last delivery
col-last-delivery = နောက်ဆုံး ပို့ဆောင်မှု
# en: Queue
col-queue = တန်းစီ
# en: Compare agreements
compare = သဘောတူညီချက်များကို နှိုင်းယှဉ်ရန်
# en: No peers are configured.
peers-none = တစ်ဖက် node များကို သတ်မှတ်ထားခြင်း မရှိပါ။
# en: Country
col-country = နိုင်ငံ
# en: Endpoint
col-endpoint = ချိတ်ဆက်ရာ လိပ်စာ (endpoint)
# en: Agreement in force
col-agreement = အသက်ဝင်နေသော သဘောတူညီချက်
# en: OK
health-ok = ကောင်းမွန်
# en: Alarm: witnessing found a problem
health-alarm = သတိပေးချက်- witnessing စစ်ဆေးမှုက ပြဿနာ တွေ့ရှိသည်
# en: Deliveries failing
health-failing = ပို့ဆောင်မှု မအောင်မြင်ပါ
# en: Not witnessed yet
health-unknown = witnessing မစစ်ဆေးရသေးပါ
# en: never
never = တစ်ခါမျှ မရှိ
# en: version { $version }
agreement-version = ဗားရှင်း { $version }
# en: Keys and configuration
keys-config = သော့များနှင့် ဖွဲ့စည်းပြင်ဆင်မှု
# en: This node's signing key id
own-key-id = ဤ node ၏ လက်မှတ်ထိုး သော့ ID
# en: Earlier key ids
previous-key-ids = ယခင် သော့ ID များ
# en: Configuration file
config-path = ဖွဲ့စည်းပြင်ဆင်မှု ဖိုင်
# en: Console over HTTPS
console-tls = HTTPS ဖြင့် ကွန်ဆိုးလ်
# en: Local API over TLS
local-tls = TLS ဖြင့် local API
# en: on
on = ဖွင့်
# en: off
off = ပိတ်
# en: none
none = မရှိ
# en: Agreement with { $peer }
agreements-title = { $peer } နှင့် သဘောတူညီချက်
# en: Both copies agree.
agreements-same = မိတ္တူ နှစ်ခုစလုံး တူညီသည်။
# en: Differences
agreements-differences = ကွာခြားချက်များ
# en: What differs
col-aspect = ကွာခြားသည့်အရာ
# en: What it means
col-explanation = အဓိပ္ပာယ်
# en: This node
this-node = ဤ node
# en: The peer's copy
peer-side = တစ်ဖက် node ၏ မိတ္တူ
# en: Rule
agreement-rule = စည်းမျဉ်း
# en: Rule { $n }
agreement-rule-n = စည်းမျဉ်း { $n }
# en: category
agreement-category = အမျိုးအစား
# en: directions
agreement-flows = ဦးတည်ရာများ
# en: purposes
agreement-purposes = ရည်ရွယ်ချက်များ
# en: released fields
agreement-release = ထုတ်ပေးသော အချက်အလက်များ
# en: handling
agreement-handling = ကိုင်တွယ်ပုံ
# en: retention (days)
agreement-retention = သိမ်းဆည်းကာလ (ရက်)
# en: daily limit
agreement-daily-limit = တစ်ရက် ကန့်သတ်ချက်
# en: legal bases
agreement-legal-bases = ဥပဒေအခြေခံများ
# en: dual criminality required
agreement-dual-criminality = နှစ်နိုင်ငံလုံးတွင် ပြစ်မှုဖြစ်ရန် လိုအပ်သည်
# en: absent
absent = မပါ
# en: differs
differs = ကွာခြားသည်
# en: Users
users-title = အသုံးပြုသူများ
# en: Login
col-login = အသုံးပြုသူအမည်
# en: Role
col-role = အခန်းကဏ္ဍ
# en: Second factor
col-second-factor = ဒုတိယ အထောက်အထား
# en: State
col-state = အခြေအနေ
# en: Add a user
add-user = အသုံးပြုသူ ထည့်ရန်
# en: User { $login } added. One-time password (give it to them; they must change it): { $password }
user-added = အသုံးပြုသူ { $login } ကို ထည့်ပြီးပါပြီ။ တစ်ကြိမ်သုံး စကားဝှက် (၎င်းတို့ထံ ပေးပါ၊ ၎င်းတို့ ပြောင်းရမည်)- { $password }
# en: New one-time password for { $login }: { $password }
password-reset = { $login } အတွက် တစ်ကြိမ်သုံး စကားဝှက်အသစ်- { $password }
# en: Disable
disable = ပိတ်ရန်
# en: Enable
enable = ဖွင့်ရန်
# en: Reset password
reset-password = စကားဝှက် ပြန်သတ်မှတ်ရန်
# en: Change role
set-role = အခန်းကဏ္ဍ ပြောင်းရန်
# en: active
state-active = အသုံးပြုနေသည်
# en: disabled
state-disabled = ပိတ်ထားသည်
# en: locked
state-locked = သော့ခတ်ထားသည်
# en: yes
yes = ဟုတ်
# en: no
no = မဟုတ်
# en: Subject
col-subject = စုံစမ်းခံရသူ/အရာ
# en: Your decision on dual criminality, if you override the indication
field-dual-decision = ညွှန်ပြချက်ကို ပယ်ပါက နှစ်နိုင်ငံလုံးတွင် ပြစ်မှုဖြစ်ခြင်းဆိုင်ရာ သင်၏ ဆုံးဖြတ်ချက်
# en: Full name of the possible victim
field-victim-name = ကျူးလွန်ခံရသူ ဖြစ်နိုင်သူ၏ အမည်အပြည့်အစုံ
# en: Date of birth
field-victim-birth = မွေးသက္ကရာဇ်
# en: Nationality (country code)
field-victim-nationality = နိုင်ငံသား (နိုင်ငံ ကုဒ်)
# en: Comma-separated field names; empty for every field the agreement accepts.
field-fields-hint = ကော်မာဖြင့် ခြားထားသော အချက်အလက်အမည်များ၊ သဘောတူညီချက်က လက်ခံသော အချက်အလက်အားလုံးအတွက် ဗလာထားပါ။
# en: Phone number
text-kind-phone = ဖုန်းနံပါတ်
# en: Person (full name)
text-kind-person = လူပုဂ္ဂိုလ် (အမည်အပြည့်အစုံ)
# en: Crypto wallet
text-kind-wallet = ခရစ်ပ်တို ပိုက်ဆံအိတ်
# en: Company
text-kind-company = ကုမ္ပဏီ
# en: Bank account (IBAN)
text-kind-iban = ဘဏ်စာရင်း (IBAN)
# en: Bank account (number and BIC)
text-kind-bank-account = ဘဏ်စာရင်း (နံပါတ်နှင့် BIC)
# en: Online account
text-kind-online = အွန်လိုင်း အကောင့်
# en: Device (IMEI)
text-kind-imei = စက်ပစ္စည်း (IMEI)
# en: Identity document
text-kind-id-document = ကိုယ်ရေးအထောက်အထား စာရွက်စာတမ်း
# en: Vehicle
text-kind-vehicle = ယာဉ်
# en: IP address
text-kind-ip = IP လိပ်စာ
# en: Evidence files
evidence-title = သက်သေအထောက်အထား ဖိုင်များ
# en: No file is attached to this request yet.
evidence-none = ဤတောင်းဆိုချက်တွင် ပူးတွဲထားသော ဖိုင် မရှိသေးပါ။
# en: File
evidence-col-file = ဖိုင်
# en: From
evidence-col-from = ပေးပို့သည့် နိုင်ငံ
# en: State
evidence-col-state = အခြေအနေ
# en: Acquired by, when, from what source
evidence-col-acquired = ရယူသူ၊ ရယူသည့်အချိန်၊ ရင်းမြစ်
# en: SHA-256
evidence-col-hash = SHA-256
# en: { $bytes } bytes
evidence-size = { $bytes } ဘိုက်
# en: Attached here, not yet sent
evidence-state-attached = ဤနေရာတွင် ပူးတွဲထားပြီး မပို့ရသေးပါ
# en: Sending
evidence-state-sending = ပို့နေသည်
# en: Delivered: the receiver verified it and signed a receipt
evidence-state-delivered = ပို့ဆောင်ပြီး- လက်ခံသူက စိစစ်ပြီး လက်ခံဖြတ်ပိုင်းကို လက်မှတ်ထိုးထားသည်
# en: Expected: its bytes are on their way
evidence-state-expected = စောင့်ဆိုင်းနေသည်- ဖိုင်၏ ဒေတာများ ပို့ဆောင်လာနေသည်
# en: Received and verified against the signed manifest
evidence-state-received = လက်ခံရရှိပြီး လက်မှတ်ထိုးထားသော ဖိုင်စာရင်း (manifest) နှင့် တိုက်ဆိုင်စိစစ်ပြီး
# en: Erased at the end of the retention period
evidence-state-purged = သိမ်းဆည်းကာလ ကုန်ဆုံးချိန်တွင် ဖျက်ပစ်ပြီး
# en: Unknown state
evidence-state-unknown = အခြေအနေ မသိရ
# en: Download
evidence-download = ဒေါင်းလုဒ်ဆွဲရန်
# en: Send the attached files
evidence-send = ပူးတွဲထားသော ဖိုင်များကို ပို့ရန်
# en: Download the court package
evidence-package = တရားရုံးအတွက် ဖိုင်အစုံကို ဒေါင်းလုဒ်ဆွဲရန်
# en: One zip file a court can check offline with "liaison evidence verify": the files, the signed messages and receipts, every custody entry with its proof, the signed tree heads and both countries' keys. Downloading it is recorded in the audit log.
evidence-package-note = "liaison evidence verify" ဖြင့် တရားရုံးက အော့ဖ်လိုင်း စိစစ်နိုင်သော zip ဖိုင်တစ်ခု- ဖိုင်များ၊ လက်မှတ်ထိုးထားသော စာများနှင့် လက်ခံဖြတ်ပိုင်းများ၊ သက်သေအထောက်အထား ထိန်းသိမ်းမှု ကွင်းဆက် (chain of custody) ၏ ထည့်သွင်းချက်တိုင်းကို ၎င်း၏ inclusion proof နှင့်အတူ၊ လက်မှတ်ထိုးထားသော tree head များနှင့် နိုင်ငံနှစ်ခုလုံး၏ သော့များ။ ၎င်းကို ဒေါင်းလုဒ်ဆွဲခြင်းကို စာရင်းစစ် မှတ်တမ်းတွင် မှတ်တမ်းတင်သည်။
# en: Attach a file
evidence-attach-title = ဖိုင် ပူးတွဲရန်
# en: Source or device it was taken from
evidence-field-source = ရယူခဲ့သည့် ရင်းမြစ် သို့မဟုတ် စက်ပစ္စည်း
# en: What it shows
evidence-field-description = ဖိုင်က ဖော်ပြသည့်အရာ
# en: File
evidence-field-file = ဖိုင်
# en: Files up to { $mib } MiB on this node; the agreement may allow less, and names the media types it accepts. Attached files are sent only when you press "Send the attached files".
evidence-limit = ဤ node တွင် ဖိုင်တစ်ခုလျှင် { $mib } MiB အထိ၊ သဘောတူညီချက်က ၎င်းထက် နည်းစွာ ခွင့်ပြုနိုင်ပြီး လက်ခံသော media type များကို သတ်မှတ်ထားသည်။ ပူးတွဲထားသော ဖိုင်များကို "ပူးတွဲထားသော ဖိုင်များကို ပို့ရန်" ကို နှိပ်မှသာ ပို့သည်။
# en: Attach
evidence-attach = ပူးတွဲရန်

## Hit/no-hit checks (focal point) and indicator lists (agency)
# en: Hit checks
nav-hits = တွေ့/မတွေ့ စစ်ဆေးရန်
# en: Indicator lists
nav-lists = ညွှန်ပြချက် စာရင်းများ
# en: Hit/no-hit checks
hits-title = တွေ့/မတွေ့ စစ်ဆေးမှု
# en: Asks whether a peer's agencies list these values, without the peer learning them. A miss says only "no hit"; a hit names the agency, its list and its reference, for a follow-up request. Every value counts against the agreement's daily quota.
hits-explain = တစ်ဖက်နိုင်ငံ၏ ဌာနများ၏ စာရင်းတွင် ဤတန်ဖိုးများ ပါသလား မေးမြန်းသည်၊ တစ်ဖက်နိုင်ငံက မည်သည့်တန်ဖိုးဖြစ်သည်ကို မသိရပါ။ မတွေ့လျှင် "မတွေ့ရှိ" ဟုသာ ပြန်ကြားသည်၊ တွေ့လျှင် ဌာန၊ စာရင်းနှင့် ရည်ညွှန်းအမှတ်ကို နောက်ဆက်တွဲ တောင်းဆိုချက်အတွက် ပြသည်။ တန်ဖိုးတိုင်းကို သဘောတူညီချက်၏ နေ့စဉ်ခွဲတမ်းတွင် ရေတွက်သည်။
# en: Country to check against
hits-field-peer = စစ်ဆေးမည့် နိုင်ငံ
# en: No agreement with a peer allows this country hit/no-hit checks: a check will be refused.
hits-no-agreement = ဤနိုင်ငံအား တွေ့/မတွေ့ စစ်ဆေးမှု ခွင့်ပြုသော သဘောတူညီချက် မရှိသေးပါ- စစ်ဆေးမှုကို ငြင်းပယ်ပါမည်။
# en: Kind of values
hits-field-kind = တန်ဖိုး အမျိုးအစား
# en: Values, one per line (at most 1,000)
hits-field-values = တန်ဖိုးများ၊ တစ်ကြောင်းလျှင် တစ်ခု (အများဆုံး 1,000)
# en: Phone numbers in E.164 form (+85512345678); bank accounts as an IBAN or BIC/ACCOUNT; wallets by address; online accounts as PLATFORM:handle; IMEIs of 15 digits; identity documents as COUNTRY:NUMBER (VNM:C1234567).
hits-kinds-hint = ဖုန်းနံပါတ်များကို E.164 ပုံစံ (+85512345678)၊ ဘဏ်စာရင်းများကို IBAN သို့မဟုတ် BIC/ACCOUNT၊ ပိုက်ဆံအိတ်များကို လိပ်စာ၊ အွန်လိုင်းအကောင့်များကို PLATFORM:handle၊ IMEI ကို ဂဏန်း 15 လုံး၊ ကိုယ်ရေးအထောက်အထား စာရွက်စာတမ်းများကို COUNTRY:NUMBER (VNM:C1234567) ဖြင့် ရေးပါ။
# en: Check
hits-check = စစ်ဆေးရန်
# en: Give 1 to 1,000 values, one per line.
hits-values-count = တန်ဖိုး 1 မှ 1,000 အထိ တစ်ကြောင်းလျှင် တစ်ခု ထည့်ပါ။
# en: Results
hits-results-title = ရလဒ်များ
# en: Values checked at { $peer }: { $count }. Hits: { $hits }.
hits-checked = { $peer } တွင် စစ်ဆေးခဲ့သော တန်ဖိုးများ- { $count }။ တွေ့ရှိမှု- { $hits }။
# en: Values { $peer } still allows today: { $left }. The quota resets at { $resets }.
hits-quota = ယနေ့ { $peer } ခွင့်ပြုနိုင်သေးသော တန်ဖိုးများ- { $left }။ ခွဲတမ်းကို { $resets } တွင် ပြန်စသည်။
# en: Epoch of { $peer }'s signed set: { $epoch }. Entries in the set for this country: { $entries }.
hits-set = { $peer } ၏ လက်မှတ်ထိုးထားသော အစု၏ epoch- { $epoch }။ ဤနိုင်ငံအတွက် အစုထဲရှိ အရေအတွက်- { $entries }။
# en: Value
hits-col-value = တန်ဖိုး
# en: Result
hits-col-outcome = ရလဒ်
# en: Agency
hits-col-agency = ဌာန
# en: List
hits-col-list = စာရင်း
# en: Reference
hits-col-reference = ရည်ညွှန်းအမှတ်
# en: Date added
hits-col-added = ထည့်သွင်းသည့် ရက်စွဲ
# en: Hit
hits-hit = တွေ့ရှိ
# en: No hit
hits-miss = မတွေ့ရှိ
# en: Follow up
hits-follow-up = နောက်ဆက်တွဲ
# en: Follow-up of a hit on { $agency }/{ $list }, reference { $reference }. The request goes to { $peer }; leave the subject empty and the value that hit is filled in.
hits-follow-up-notice = { $agency }/{ $list } တွင် တွေ့ရှိမှု၏ နောက်ဆက်တွဲ၊ ရည်ညွှန်းအမှတ် { $reference }။ တောင်းဆိုချက်ကို { $peer } သို့ ပို့မည်- စုံစမ်းခံရသူ/အရာကို ဗလာထားလျှင် တွေ့ရှိခဲ့သော တန်ဖိုးကို ဖြည့်ပေးမည်။
# en: { $agency }/{ $list }, reference { $reference }
hits-listing = { $agency }/{ $list }၊ ရည်ညွှန်းအမှတ် { $reference }
# en: Follows up a hit
request-hit = တွေ့ရှိမှု၏ နောက်ဆက်တွဲ
# en: The value refused is value { $n }, on line { $line }.
value-refused-line = ငြင်းပယ်ခံရသော တန်ဖိုးမှာ တန်ဖိုး အမှတ် { $n }၊ စာကြောင်း { $line } ဖြစ်သည်။
# en: Phone number
hits-kind-phone = ဖုန်းနံပါတ်
# en: Bank account
hits-kind-bank_account = ဘဏ်စာရင်း
# en: Crypto wallet
hits-kind-wallet = ခရစ်ပ်တို ပိုက်ဆံအိတ်
# en: Online account
hits-kind-online_account = အွန်လိုင်း အကောင့်
# en: Device (IMEI)
hits-kind-imei = စက်ပစ္စည်း (IMEI)
# en: Identity document
hits-kind-identity_document = ကိုယ်ရေးအထောက်အထား စာရွက်စာတမ်း
# en: Indicator lists of { $agency }
lists-title = { $agency } ၏ ညွှန်ပြချက် စာရင်းများ
# en: Values your agency lists, which the peers the agreements name may check without seeing the lists. Values are stored encrypted and never shown here, only counted.
lists-explain = သင့်ဌာန၏ စာရင်းထဲရှိ တန်ဖိုးများ၊ သဘောတူညီချက်များတွင် ပါသော တစ်ဖက်နိုင်ငံများက စာရင်းကို မမြင်ဘဲ စစ်ဆေးနိုင်သည်။ တန်ဖိုးများကို ကုဒ်ပြောင်း၍ သိမ်းထားပြီး ဤနေရာတွင် မပြပါ၊ အရေအတွက်သာ ပြသည်။
# en: Epoch { $epoch }, begun { $started }. It ends { $ends }, or sooner when a list changes.
lists-epoch = epoch { $epoch }၊ { $started } တွင် စတင်သည်။ { $ends } တွင် ပြီးဆုံးမည်၊ သို့မဟုတ် စာရင်းတစ်ခု ပြောင်းလဲလျှင် စောစွာ ပြီးဆုံးမည်။
# en: No list yet.
lists-none = စာရင်း မရှိသေးပါ။
# en: List
lists-col-list = စာရင်း
# en: Values per kind
lists-col-counts = အမျိုးအစားအလိုက် တန်ဖိုးများ
# en: Last changed
lists-col-updated = နောက်ဆုံး ပြောင်းလဲချိန်
# en: Remove the whole list
lists-remove-all = စာရင်းတစ်ခုလုံးကို ဖယ်ရှားရန်
# en: Removing a whole list destroys its key: its values cannot be read again.
lists-remove-all-hint = စာရင်းတစ်ခုလုံးကို ဖယ်ရှားလျှင် ၎င်း၏ သော့ကို ဖျက်ဆီးသည်- ၎င်း၏ တန်ဖိုးများကို ထပ်မံ ဖတ်၍ မရတော့ပါ။
# en: Import values
lists-import-title = တန်ဖိုးများ တင်သွင်းရန်
# en: List
lists-field-list = စာရင်း
# en: 1 to 64 lower-case letters, digits, - _ or . (a new name makes a new list).
lists-list-hint = လက်တင် စာလုံးအသေး၊ ဂဏန်း၊ - _ သို့မဟုတ် . 1 မှ 64 လုံး (အမည်သစ်က စာရင်းသစ် ဖန်တီးသည်)။
# en: CSV file
lists-field-file = CSV ဖိုင်
# en: One entry per line: value,reference[,added], the date added as YYYY-MM-DD (empty: today). A header line is skipped. A value already listed gets the new reference and date.
lists-file-hint = တစ်ကြောင်းလျှင် တစ်ခု- value,reference[,added]၊ ထည့်သွင်းသည့် ရက်စွဲကို YYYY-MM-DD (ဗလာ- ယနေ့)။ ခေါင်းစီး စာကြောင်းကို ကျော်သည်။ စာရင်းတွင် ရှိပြီးသား တန်ဖိုးသည် ရည်ညွှန်းအမှတ်နှင့် ရက်စွဲ အသစ်ကို ရသည်။
# en: Import
lists-import = တင်သွင်းရန်
# en: Remove values
lists-remove-title = တန်ဖိုးများ ဖယ်ရှားရန်
# en: Values to remove, one per line
lists-field-values = ဖယ်ရှားမည့် တန်ဖိုးများ၊ တစ်ကြောင်းလျှင် တစ်ခု
# en: Remove these values
lists-remove = ဤတန်ဖိုးများကို ဖယ်ရှားရန်
# en: { $list }: { $added } added or updated, { $removed } removed, { $absent } not on the list. Epoch now: { $epoch }.
lists-changed = { $list }- ထည့်သွင်း သို့မဟုတ် ပြင်ဆင် { $added }၊ ဖယ်ရှား { $removed }၊ စာရင်းတွင် မရှိ { $absent }။ ယခု epoch- { $epoch }။
# en: The entry refused is on line { $line } of the file.
lists-line-refused = ငြင်းပယ်ခံရသော အချက်သည် ဖိုင်၏ စာကြောင်း { $line } တွင် ရှိသည်။
# en: The form did not arrive as this page sends it. Reload the page and try again.
lists-form-refused = ဖောင်သည် ဤစာမျက်နှာ ပို့သည့်အတိုင်း မရောက်လာပါ။ စာမျက်နှာကို ပြန်ဖွင့်ပြီး ထပ်စမ်းကြည့်ပါ။
# en: The file is too large: at most { $kib } KiB and { $max } entries. Split it.
lists-csv-too-large = ဖိုင် ကြီးလွန်းသည်- အများဆုံး { $kib } KiB နှင့် { $max } ခု။ ခွဲပါ။
# en: The file is not UTF-8 text.
lists-csv-not-text = ဖိုင်သည် UTF-8 စာသား မဟုတ်ပါ။
# en: The file holds no entries.
lists-csv-empty = ဖိုင်တွင် အချက် မပါပါ။
# en: Line { $line } of the file: an entry is value,reference[,added].
lists-csv-fields = ဖိုင်၏ စာကြောင်း { $line }- တစ်ခုချင်းသည် value,reference[,added] ဖြစ်ရမည်။
# en: Line { $line } of the file: a quote out of place. Put a whole field in quotes and double a quote inside it ("").
lists-csv-quote = ဖိုင်၏ စာကြောင်း { $line }- မျက်တောင်အဖွင့်အပိတ် နေရာမှားသည်။ အကွက်တစ်ခုလုံးကို မျက်တောင်ဖြင့် အုပ်ပြီး အတွင်းရှိ မျက်တောင်ကို နှစ်ခါ ရေးပါ ("")။
