### status: drafted, not yet reviewed by a native speaker
### language: Filipino

# The console's own words. Code lists (categories, purposes,
# reasons, handling codes, indicators, ICCS titles) are in codes.ftl.


## Formats

# Digit grouping of whole numbers.
# en: ,
number-group = ,
# A date and time, always UTC. $day and $year are numbers, $month a name
# from month-1 to month-12, $time "HH:MM".
# en: { $day } { $month } { $year }, { $time } UTC
date-time = { $month } { $day }, { $year }, { $time } UTC
# en: Jan
month-1 = Ene
# en: Feb
month-2 = Peb
# en: Mar
month-3 = Mar
# en: Apr
month-4 = Abr
# en: May
month-5 = May
# en: Jun
month-6 = Hun
# en: Jul
month-7 = Hul
# en: Aug
month-8 = Ago
# en: Sep
month-9 = Set
# en: Oct
month-10 = Okt
# en: Nov
month-11 = Nob
# en: Dec
month-12 = Dis

## The frame of every page

# en: Liaison console
console-title = Liaison console
# en: Node of { $country }
node-of = Node ng { $country }
# en: Signed in as { $user }
signed-in-as = Naka-sign in bilang { $user }
# en: Sign out
sign-out = Mag-sign out
# en: Language
language = Wika
# en: not yet reviewed
not-reviewed = hindi pa nasusuri
# en: Skip to content
skip-to-content = Lumaktaw sa nilalaman
# en: Requests
nav-requests = Mga kahilingan
# en: New request
nav-new-request = Bagong kahilingan
# en: Inbox
nav-inbox = Inbox
# en: Audit log
nav-audit = Audit log
# en: Reports
nav-reports = Mga ulat
# en: Peers
nav-peers = Mga kabilang node
# en: Users
nav-users = Mga user
# en: My account
nav-account = Aking account
# en: Shown as sent, in the sender's language ({ $language }); never translated.
free-text-note = Ipinapakita gaya ng ipinadala, sa wika ng nagpadala ({ $language }); hindi kailanman isinasalin.
# en: Shown as sent; never translated.
free-text-note-unknown = Ipinapakita gaya ng ipinadala; hindi kailanman isinasalin.

## Signing in

# en: Sign in
sign-in = Mag-sign in
# en: Sign in to Liaison
sign-in-title = Mag-sign in sa Liaison
# en: Login name
login = Login name
# en: Password
password = Password
# en: Sign-in refused: wrong login name or password, or the account is locked or disabled.
sign-in-refused = Tinanggihan ang pag-sign in: mali ang login name o password, o naka-lock o naka-disable ang account.
# en: Second factor
second-factor = Pangalawang factor
# en: Code from your authenticator app
second-factor-code = Code mula sa iyong authenticator app
# en: The code is wrong or already used.
second-factor-refused = Mali o nagamit na ang code.
# en: Verify
verify = I-verify
# en: Your session has ended. Please sign in again.
session-ended = Natapos na ang iyong session. Mangyaring mag-sign in muli.
# en: You are signed out.
signed-out = Naka-sign out ka na.
# en: Your role ({ $role }) may not open this page.
forbidden = Hindi maaaring buksan ng iyong tungkulin ({ $role }) ang pahinang ito.
# en: Not found.
not-found = Hindi nahanap.
# en: This form has expired or did not come from this console. Reload the page and try again.
csrf-refused = Nag-expire na ang form na ito o hindi ito nagmula sa console na ito. I-reload ang pahina at subukang muli.
# en: Something went wrong
error-title = May nangyaring mali
# en: Back
back = Bumalik

## My account

# en: My account
account-title = Aking account
# en: Change password
change-password = Palitan ang password
# en: Your password was set by an administrator: choose your own before you go on.
must-change-password = Isang administrator ang nagtakda ng iyong password: pumili ng sarili mong password bago magpatuloy.
# en: Current password
current-password = Kasalukuyang password
# en: New password
new-password = Bagong password
# en: At least { $min } characters, not containing your login name.
new-password-rule = Hindi bababa sa { $min } na character, at hindi naglalaman ng iyong login name.
# en: Password changed.
password-changed = Napalitan na ang password.
# en: Set up a second factor
enrol-totp = Mag-set up ng pangalawang factor
# en: Your role must sign in with a second factor: set one up before you go on.
totp-required = Kailangang mag-sign in ang iyong tungkulin gamit ang pangalawang factor: mag-set up muna bago magpatuloy.
# en: Enter this key in your authenticator app (time-based, SHA-1, 6 digits, 30 seconds):
totp-secret = Ilagay ang key na ito sa iyong authenticator app (time-based, SHA-1, 6 na digit, 30 segundo):
# en: Or open this link on the phone that has the app:
totp-uri = O buksan ang link na ito sa teleponong may app:
# en: Second factor set up.
totp-enrolled = Naka-set up na ang pangalawang factor.
# en: A second factor is set up for this account.
totp-active = May pangalawang factor na ang account na ito.
# en: Language saved.
language-saved = Nai-save ang wika.
# en: Save
save = I-save
# en: Personal API token
api-token = Personal na API token
# en: For the command line (liaison login): it acts as you. It is shown once.
api-token-explain = Para sa command line (liaison login): kumikilos ito bilang ikaw. Isang beses lang itong ipapakita.
# en: Issue a token
api-token-issue = Mag-isyu ng token
# en: Your new token (copy it now; it is not shown again):
api-token-issued = Ang iyong bagong token (kopyahin ngayon; hindi na ito ipapakitang muli):

## Requests (focal point)

# en: Requests sent by { $country }
requests-title = Mga kahilingang ipinadala ng { $country }
# en: No requests yet.
requests-none = Wala pang kahilingan.
# en: { $count -> [one] One open request *[other] { $count } open requests }
open-requests =
    { $count ->
        [one] { $count } bukas na kahilingan
       *[other] { $count } na bukas na kahilingan
    }
# en: Request
col-request = Kahilingan
# en: To
col-to = Para sa
# en: Category
col-category = Kategorya
# en: Status
col-status = Katayuan
# en: Deadline
col-deadline = Takdang panahon
# en: Time left
col-time-left = Natitirang oras
# en: Case
col-case = Kaso
# en: { $days -> [one] 1 day *[other] { $days } days }
time-left-days =
    { $days ->
        [one] { $days } araw
       *[other] { $days } na araw
    }
# en: { $hours -> [one] 1 hour *[other] { $hours } hours }
time-left-hours =
    { $hours ->
        [one] { $hours } oras
       *[other] { $hours } na oras
    }
# en: overdue
overdue = lampas na
# en: New request
new-request-title = Bagong kahilingan
# en: To (country)
field-to = Para sa (bansa)
# en: Category
field-category = Kategorya
# en: Purpose
field-purpose = Layunin
# en: Offences (ICCS)
field-offences = Mga paglabag (ICCS)
# en: Legal basis
field-legal-basis = Legal na batayan
# en: Reference of the legal basis (treaty, statute)
field-legal-basis-reference = Sanggunian ng legal na batayan (tratado, batas)
# en: Case reference
field-case-reference = Reference ng kaso
# en: Summary
field-summary = Buod
# en: Language of the summary
field-summary-language = Wika ng buod
# en: Answer within (days)
field-deadline-days = Sagutin sa loob ng (araw)
# en: Subject kind
field-subject-kind = Uri ng subject
# en: Role
field-subject-role = Papel
# en: Identifier
field-subject-value = Identifier
# en: This request concerns a possible victim of trafficking
field-possible-victim = Tungkol ang kahilingang ito sa posibleng biktima ng pangangalakal ng tao
# en: Victim indicators
field-indicators = Mga palatandaan ng biktima
# en: Fields asked for
field-fields = Mga field na hinihingi
# en: National offence (optional)
field-national-offence = Paglabag ayon sa pambansang batas (opsiyonal)
# en: Subject { $n }
subject-n = Subject { $n }
# en: Check against the agreements
preview = Suriin laban sa mga kasunduan
# en: Send
send = Ipadala
# en: Both agreements allow this request: { $detail }
dry-run-allowed = Pinapayagan ng parehong kasunduan ang kahilingang ito: { $detail }
# en: Refused by the agreements: { $detail }
dry-run-denied = Tinanggihan ng mga kasunduan: { $detail }
# en: Request sent.
sent = Naipadala ang kahilingan.
# en: Request { $id }
request-title = Kahilingan { $id }
# en: Timeline
timeline = Timeline
# en: Answer
answer = Sagot
# en: Receipts
receipts = Mga resibo
# en: Audit log positions
audit-positions = Mga posisyon sa audit log
# en: Withdraw
withdraw = Bawiin
# en: Withdrawn.
withdrawn = Binawi.
# en: No answer yet.
no-answer-yet = Wala pang sagot.
# en: Released fields
fields-released = Mga field na ibinigay
# en: Withheld by the agreement
fields-redacted = Ipinagkait ayon sa kasunduan
# en: Handling
handling = Paghawak
# en: Kept for { $days } days
retention = Itatago nang { $days } araw
# en: Refused: { $reason }
refused-because = Tinanggihan: { $reason }

## Inbox (agency)

# en: Requests for { $agency }
inbox-title = Mga kahilingan para sa { $agency }
# en: Nothing to answer.
inbox-none = Walang kailangang sagutin.
# en: This request concerns a possible victim of trafficking. Treat the person as a victim: the non-punishment principle applies ({ $provision }).
victim-notice = Tungkol ang kahilingang ito sa posibleng biktima ng pangangalakal ng tao. Ituring ang tao bilang biktima: umiiral ang prinsipyo ng hindi pagpaparusa ({ $provision }).
# en: Dual criminality: { $indication }
dual-criminality = Dual criminality: { $indication }
# en: From { $country }
from-country = Mula sa { $country }
# en: Answer
answer-title = Sagutin
# en: Refuse
refuse-title = Tanggihan
# en: Value
field-value = Halaga
# en: Reason
field-refusal-reason = Dahilan
# en: Note to the requester
field-note = Tala para sa humiling
# en: Preview what will be released
preview-answer = I-preview ang ibibigay
# en: Send the answer
answer-send = Ipadala ang sagot
# en: Refuse the request
refuse-send = Tanggihan ang kahilingan
# en: Will be released
will-release = Ibibigay
# en: Will be withheld (not granted by the agreement)
will-redact = Ipagkakait (hindi pinapayagan ng kasunduan)
# en: Answer sent.
answered = Naipadala ang sagot.
# en: Refusal sent.
refused = Naipadala ang pagtanggi.

## Audit (auditor)

# en: Audit log
audit-title = Audit log
# en: Peer
filter-peer = Kabilang node
# en: Category
filter-category = Kategorya
# en: Event
filter-event = Pangyayari
# en: From (date)
filter-from = Mula (petsa)
# en: To (date)
filter-to = Hanggang (petsa)
# en: Filter
filter = I-filter
# en: #
col-index = #
# en: Time
col-time = Oras
# en: Event
col-event = Pangyayari
# en: Who
col-actor = Sino
# en: Peer
col-peer = Kabilang node
# en: Detail
col-detail = Detalye
# en: Verify this node's log
verify-log = I-verify ang log ng node na ito
# en: The log verifies: { $entries } entries, tree head signed by this node (key { $key }), every entry in it. Root: { $root }
verify-ok = Napatunayan ang log: { $entries } entry, nilagdaan ng node na ito ang tree head (key { $key }), at naroon ang bawat entry. Root: { $root }
# en: The log does NOT verify: { $problem }
verify-failed = HINDI napatunayan ang log: { $problem }
# en: Download the export
export = I-download ang export
# en: Reports
reports-title = Mga ulat
# en: Requests per peer
report-per-peer = Mga kahilingan bawat kabilang node
# en: Requests per category
report-per-category = Mga kahilingan bawat kategorya
# en: Requests per month
report-per-month = Mga kahilingan bawat buwan
# en: The start of an event name, e.g. request. or policy.
filter-event-hint = Ang simula ng pangalan ng pangyayari, hal. request. o policy.
# en: Page
filter-before = Pahina
# en: { $field }: not a date. Write it as YYYY-MM-DD, e.g. 2026-11-30.
filter-bad-date = { $field }: hindi ito petsa. Isulat bilang YYYY-MM-DD, hal. 2026-11-30.
# en: { $field }: not understood. Check it and try again.
filter-bad-value = { $field }: hindi maintindihan. Suriin ito at subukang muli.
# en: No entries match these filters.
audit-none = Walang entry na tumutugma sa mga filter na ito.
# en: Newest first
audit-newest = Pinakabago muna
# en: Older entries
audit-next = Mas lumang mga entry
# en: The same file as "liaison audit export": the signed tree head and every entry with its inclusion proof, for verification offline with "liaison audit verify".
export-explain = Kaparehong file ng "liaison audit export": ang nilagdaang tree head at bawat entry kasama ang inclusion proof nito, para sa pag-verify offline gamit ang "liaison audit verify".
# en: Verification of this node's log
verify-title = Pag-verify ng log ng node na ito
# en: Entries checked: { $entries }.
verify-checked = Mga entry na nasuri: { $entries }.
# en: New requests (sent or received), from the audit log.
report-explain = Mga bagong kahilingan (ipinadala o natanggap), mula sa audit log.
# en: No requests yet.
report-none = Wala pang kahilingan.
# en: { $month } { $year }
report-month = { $month } { $year }
# en: Requests
col-count = Mga kahilingan
# en: Month
col-month = Buwan

## Admin

# en: Peers
peers-title = Mga kabilang node
# en: Health
col-peer-health = Kalagayan ng koneksiyon
# en: Last delivery
col-last-delivery = Huling paghahatid
# en: Queue
col-queue = Pila
# en: Compare agreements
compare = Ihambing ang mga kasunduan
# en: No peers are configured.
peers-none = Walang naka-configure na kabilang node.
# en: Country
col-country = Bansa
# en: Endpoint
col-endpoint = Endpoint
# en: Agreement in force
col-agreement = Umiiral na kasunduan
# en: OK
health-ok = OK
# en: Alarm: witnessing found a problem
health-alarm = Alarma: may nakitang problema ang witnessing
# en: Deliveries failing
health-failing = Pumapalya ang paghahatid
# en: Not witnessed yet
health-unknown = Hindi pa na-witness
# en: never
never = hindi kailanman
# en: version { $version }
agreement-version = bersyon { $version }
# en: Keys and configuration
keys-config = Mga key at configuration
# en: This node's signing key id
own-key-id = Key id sa paglagda ng node na ito
# en: Earlier key ids
previous-key-ids = Mga naunang key id
# en: Configuration file
config-path = File ng configuration
# en: Console over HTTPS
console-tls = Console sa HTTPS
# en: Local API over TLS
local-tls = Lokal na API sa TLS
# en: on
on = naka-on
# en: off
off = naka-off
# en: none
none = wala
# en: Agreement with { $peer }
agreements-title = Kasunduan sa { $peer }
# en: Both copies agree.
agreements-same = Magkatugma ang dalawang kopya.
# en: Differences
agreements-differences = Mga pagkakaiba
# en: What differs
col-aspect = Ano ang naiiba
# en: What it means
col-explanation = Ano ang ibig sabihin
# en: This node
this-node = Ang node na ito
# en: The peer's copy
peer-side = Kopya ng kabilang node
# en: Rule
agreement-rule = Patakaran
# en: Rule { $n }
agreement-rule-n = Patakaran { $n }
# en: category
agreement-category = kategorya
# en: directions
agreement-flows = mga direksiyon
# en: purposes
agreement-purposes = mga layunin
# en: released fields
agreement-release = mga field na ibinibigay
# en: handling
agreement-handling = paghawak
# en: retention (days)
agreement-retention = pagtatago (araw)
# en: daily limit
agreement-daily-limit = limitasyon bawat araw
# en: legal bases
agreement-legal-bases = mga legal na batayan
# en: dual criminality required
agreement-dual-criminality = kailangan ang dual criminality
# en: absent
absent = wala
# en: differs
differs = magkaiba
# en: Users
users-title = Mga user
# en: Login
col-login = Login
# en: Role
col-role = Tungkulin
# en: Second factor
col-second-factor = Pangalawang factor
# en: State
col-state = Kalagayan
# en: Add a user
add-user = Magdagdag ng user
# en: User { $login } added. One-time password (give it to them; they must change it): { $password }
user-added = Naidagdag ang user na { $login }. Isang-beses na password (ibigay ito sa kanila; kailangan nilang palitan ito): { $password }
# en: New one-time password for { $login }: { $password }
password-reset = Bagong isang-beses na password para kay { $login }: { $password }
# en: Disable
disable = I-disable
# en: Enable
enable = I-enable
# en: Reset password
reset-password = I-reset ang password
# en: Change role
set-role = Palitan ang tungkulin
# en: active
state-active = aktibo
# en: disabled
state-disabled = naka-disable
# en: locked
state-locked = naka-lock
# en: yes
yes = oo
# en: no
no = hindi
# en: Subject
col-subject = Subject
# en: Your decision on dual criminality, if you override the indication
field-dual-decision = Ang iyong pasya sa dual criminality, kung hindi mo susundin ang indikasyon
# en: Full name of the possible victim
field-victim-name = Buong pangalan ng posibleng biktima
# en: Date of birth
field-victim-birth = Petsa ng kapanganakan
# en: Nationality (country code)
field-victim-nationality = Nasyonalidad (country code)
# en: Comma-separated field names; empty for every field the agreement accepts.
field-fields-hint = Mga pangalan ng field na pinaghihiwalay ng kuwit; iwanang blangko para sa bawat field na tinatanggap ng kasunduan.
# en: Phone number
text-kind-phone = Numero ng telepono
# en: Person (full name)
text-kind-person = Tao (buong pangalan)
# en: Crypto wallet
text-kind-wallet = Crypto wallet
# en: Company
text-kind-company = Kompanya
# en: Bank account (IBAN)
text-kind-iban = Account sa bangko (IBAN)
# en: Bank account (number and BIC)
text-kind-bank-account = Account sa bangko (numero at BIC)
# en: Online account
text-kind-online = Online account
# en: Device (IMEI)
text-kind-imei = Device (IMEI)
# en: Identity document
text-kind-id-document = Dokumento ng pagkakakilanlan
# en: Vehicle
text-kind-vehicle = Sasakyan
# en: IP address
text-kind-ip = IP address
# en: Evidence files
evidence-title = Mga file ng ebidensiya
# en: No file is attached to this request yet.
evidence-none = Wala pang file na nakalakip sa kahilingang ito.
# en: File
evidence-col-file = File
# en: From
evidence-col-from = Mula sa
# en: State
evidence-col-state = Kalagayan
# en: Acquired by, when, from what source
evidence-col-acquired = Kinuha nino, kailan, mula saang pinagmulan
# en: SHA-256
evidence-col-hash = SHA-256
# en: { $bytes } bytes
evidence-size = { $bytes } byte
# en: Attached here, not yet sent
evidence-state-attached = Nakalakip dito, hindi pa naipapadala
# en: Sending
evidence-state-sending = Ipinapadala
# en: Delivered: the receiver verified it and signed a receipt
evidence-state-delivered = Naihatid na: na-verify ito ng tumanggap at nilagdaan niya ang resibo
# en: Expected: its bytes are on their way
evidence-state-expected = Inaasahan: parating na ang nilalaman nito
# en: Received and verified against the signed manifest
evidence-state-received = Natanggap at na-verify laban sa nilagdaang manifest
# en: Erased at the end of the retention period
evidence-state-purged = Binura sa pagtatapos ng panahon ng pagtatago
# en: Unknown state
evidence-state-unknown = Hindi alam ang kalagayan
# en: Download
evidence-download = I-download
# en: Send the attached files
evidence-send = Ipadala ang mga nakalakip na file
# en: Download the court package
evidence-package = I-download ang package para sa hukuman
# en: One zip file a court can check offline with "liaison evidence verify": the files, the signed messages and receipts, every custody entry with its proof, the signed tree heads and both countries' keys. Downloading it is recorded in the audit log.
evidence-package-note = Isang zip file na masusuri ng hukuman nang offline gamit ang "liaison evidence verify": ang mga file, ang mga nilagdaang mensahe at resibo, bawat entry ng chain of custody kasama ang inclusion proof nito, ang mga nilagdaang tree head at ang mga key ng dalawang bansa. Itinatala sa audit log ang pag-download nito.
# en: Attach a file
evidence-attach-title = Maglakip ng file
# en: Source or device it was taken from
evidence-field-source = Pinagmulan o device kung saan ito kinuha
# en: What it shows
evidence-field-description = Ano ang ipinapakita nito
# en: File
evidence-field-file = File
# en: Files up to { $mib } MiB on this node; the agreement may allow less, and names the media types it accepts. Attached files are sent only when you press "Send the attached files".
evidence-limit = Mga file na hanggang { $mib } MiB sa node na ito; maaaring mas kaunti ang payagan ng kasunduan, at tinutukoy nito ang mga media type na tinatanggap nito. Ipinapadala lamang ang mga nakalakip na file kapag pinindot mo ang "Ipadala ang mga nakalakip na file".
# en: Attach
evidence-attach = Ilakip

## Hit/no-hit checks (focal point) and indicator lists (agency)
# en: Hit checks
nav-hits = Hit check
# en: Indicator lists
nav-lists = Mga listahan ng indicator
# en: Hit/no-hit checks
hits-title = Hit/no-hit check
# en: Asks whether a peer's agencies list these values, without the peer learning them. A miss says only "no hit"; a hit names the agency, its list and its reference, for a follow-up request. Every value counts against the agreement's daily quota.
hits-explain = Itinatanong kung nakalista ang mga halagang ito sa mga ahensiya ng kabilang bansa, nang hindi nalalaman ng kabilang bansa kung alin. Ang walang tugma ay "walang tugma" lamang; ang may tugma ay nagsasabi ng ahensiya, listahan at reference nito, para sa kahilingang follow-up. Bawat halaga ay binibilang sa pang-araw-araw na quota ng kasunduan.
# en: Country to check against
hits-field-peer = Bansang susuriin
# en: No agreement with a peer allows this country hit/no-hit checks: a check will be refused.
hits-no-agreement = Wala pang kasunduan sa kabilang bansa na nagpapahintulot sa bansang ito ng hit/no-hit check: tatanggihan ang pagsusuri.
# en: Kind of values
hits-field-kind = Uri ng mga halaga
# en: Values, one per line (at most 1,000)
hits-field-values = Mga halaga, isa bawat linya (hanggang 1,000)
# en: Phone numbers in E.164 form (+85512345678); bank accounts as an IBAN or BIC/ACCOUNT; wallets by address; online accounts as PLATFORM:handle; IMEIs of 15 digits; identity documents as COUNTRY:NUMBER (VNM:C1234567).
hits-kinds-hint = Mga numero ng telepono sa anyong E.164 (+85512345678); mga account sa bangko bilang IBAN o BIC/ACCOUNT; mga wallet ayon sa address; mga online account bilang PLATFORM:handle; mga IMEI na may 15 digit; mga dokumento ng pagkakakilanlan bilang COUNTRY:NUMBER (VNM:C1234567).
# en: Check
hits-check = Suriin
# en: Give 1 to 1,000 values, one per line.
hits-values-count = Magbigay ng 1 hanggang 1,000 halaga, isa bawat linya.
# en: Results
hits-results-title = Mga resulta
# en: Values checked at { $peer }: { $count }. Hits: { $hits }.
hits-checked = Mga halagang sinuri sa { $peer }: { $count }. May tugma: { $hits }.
# en: Values { $peer } still allows today: { $left }. The quota resets at { $resets }.
hits-quota = Mga halagang pinapayagan pa ng { $peer } ngayong araw: { $left }. Nare-reset ang quota sa { $resets }.
# en: Epoch of { $peer }'s signed set: { $epoch }. Entries in the set for this country: { $entries }.
hits-set = Epoch ng signed set ng { $peer }: { $epoch }. Mga entry sa set para sa bansang ito: { $entries }.
# en: Value
hits-col-value = Halaga
# en: Result
hits-col-outcome = Resulta
# en: Agency
hits-col-agency = Ahensiya
# en: List
hits-col-list = Listahan
# en: Reference
hits-col-reference = Reference
# en: Date added
hits-col-added = Petsa ng pagdagdag
# en: Hit
hits-hit = May tugma
# en: No hit
hits-miss = Walang tugma
# en: Follow up
hits-follow-up = I-follow up
# en: Follow-up of a hit on { $agency }/{ $list }, reference { $reference }. The request goes to { $peer }; leave the subject empty and the value that hit is filled in.
hits-follow-up-notice = Follow-up ng tugma sa { $agency }/{ $list }, reference { $reference }. Ipapadala ang kahilingan sa { $peer }; iwanang blangko ang subject at ilalagay ang halagang tumugma.
# en: { $agency }/{ $list }, reference { $reference }
hits-listing = { $agency }/{ $list }, reference { $reference }
# en: Follows up a hit
request-hit = Follow-up ng isang tugma
# en: The value refused is value { $n }, on line { $line }.
value-refused-line = Ang tinanggihang halaga ay ang ika-{ $n } na halaga, sa linya { $line }.
# en: Phone number
hits-kind-phone = Numero ng telepono
# en: Bank account
hits-kind-bank_account = Account sa bangko
# en: Crypto wallet
hits-kind-wallet = Crypto wallet
# en: Online account
hits-kind-online_account = Online account
# en: Device (IMEI)
hits-kind-imei = Device (IMEI)
# en: Identity document
hits-kind-identity_document = Dokumento ng pagkakakilanlan
# en: Indicator lists of { $agency }
lists-title = Mga listahan ng indicator ng { $agency }
# en: Values your agency lists, which the peers the agreements name may check without seeing the lists. Values are stored encrypted and never shown here, only counted.
lists-explain = Ang mga halagang inililista ng iyong ahensiya, na maaaring suriin ng mga kabilang bansang nakasaad sa mga kasunduan nang hindi nakikita ang mga listahan. Naka-encrypt ang pag-iimbak ng mga halaga at hindi kailanman ipinapakita rito, ang bilang lamang.
# en: Epoch { $epoch }, begun { $started }. It ends { $ends }, or sooner when a list changes.
lists-epoch = Epoch { $epoch }, nagsimula { $started }. Magtatapos ito { $ends }, o mas maaga kapag may listahang nagbago.
# en: No list yet.
lists-none = Wala pang listahan.
# en: List
lists-col-list = Listahan
# en: Values per kind
lists-col-counts = Mga halaga bawat uri
# en: Last changed
lists-col-updated = Huling binago
# en: Remove the whole list
lists-remove-all = Alisin ang buong listahan
# en: Removing a whole list destroys its key: its values cannot be read again.
lists-remove-all-hint = Sinisira ng pag-alis ng buong listahan ang susi nito: hindi na mababasa muli ang mga halaga nito.
# en: Import values
lists-import-title = Mag-import ng mga halaga
# en: List
lists-field-list = Listahan
# en: 1 to 64 lower-case letters, digits, - _ or . (a new name makes a new list).
lists-list-hint = 1 hanggang 64 na maliliit na titik na Latin, digit, - _ o . (gumagawa ng bagong listahan ang bagong pangalan).
# en: CSV file
lists-field-file = CSV file
# en: One entry per line: value,reference[,added], the date added as YYYY-MM-DD (empty: today). A header line is skipped. A value already listed gets the new reference and date.
lists-file-hint = Isang entry bawat linya: value,reference[,added], ang petsa ng pagdagdag bilang YYYY-MM-DD (blangko: ngayon). Nilalaktawan ang header na linya. Ang halagang nakalista na ay makakakuha ng bagong reference at petsa.
# en: Import
lists-import = I-import
# en: Remove values
lists-remove-title = Mag-alis ng mga halaga
# en: Values to remove, one per line
lists-field-values = Mga halagang aalisin, isa bawat linya
# en: Remove these values
lists-remove = Alisin ang mga halagang ito
# en: { $list }: { $added } added or updated, { $removed } removed, { $absent } not on the list. Epoch now: { $epoch }.
lists-changed = { $list }: { $added } ang idinagdag o in-update, { $removed } ang inalis, { $absent } ang wala sa listahan. Epoch ngayon: { $epoch }.
# en: The entry refused is on line { $line } of the file.
lists-line-refused = Nasa linya { $line } ng file ang tinanggihang entry.
# en: The form did not arrive as this page sends it. Reload the page and try again.
lists-form-refused = Hindi dumating ang form gaya ng ipinapadala ng pahinang ito. I-reload ang pahina at subukang muli.
# en: The file is too large: at most { $kib } KiB and { $max } entries. Split it.
lists-csv-too-large = Masyadong malaki ang file: hanggang { $kib } KiB at { $max } entry. Hatiin ito.
# en: The file is not UTF-8 text.
lists-csv-not-text = Hindi UTF-8 na text ang file.
# en: The file holds no entries.
lists-csv-empty = Walang entry ang file.
# en: Line { $line } of the file: an entry is value,reference[,added].
lists-csv-fields = Linya { $line } ng file: ang isang entry ay value,reference[,added].
# en: Line { $line } of the file: a quote out of place. Put a whole field in quotes and double a quote inside it ("").
lists-csv-quote = Linya { $line } ng file: maling lugar ng panipi. Ilagay sa panipi ang buong field at doblehin ang panipi sa loob nito ("").
