### status: drafted, not yet reviewed by a native speaker
### language: Khmer

## Categories: what a request asks the other country to do or check (Category).
## The flags in brackets, e.g. (--person), are the command line's and stay as they are.

# en: Person check
category-PERSON_CHECK = ការត្រួតពិនិត្យបុគ្គល
# en: is this person known to you: identity, record, wanted status (--person)
category-PERSON_CHECK-meaning = តើអ្នកស្គាល់បុគ្គលនេះឬទេ៖ អត្តសញ្ញាណ កំណត់ត្រា ស្ថានភាពជាជនកំពុងត្រូវបានស្វែងរក (--person)
# en: Phone check
category-PHONE_CHECK = ការត្រួតពិនិត្យលេខទូរស័ព្ទ
# en: who holds this phone number, and since when (--phone)
category-PHONE_CHECK-meaning = តើនរណាជាម្ចាស់លេខទូរស័ព្ទនេះ ហើយតាំងពីពេលណា (--phone)
# en: Wallet trace
category-WALLET_TRACE = ការតាមដានកាបូបរូបិយប័ណ្ណគ្រីបតូ
# en: who is behind this crypto-currency address, where its funds went (--wallet)
category-WALLET_TRACE-meaning = តើនរណានៅពីក្រោយអាសយដ្ឋានរូបិយប័ណ្ណគ្រីបតូនេះ ហើយមូលនិធិរបស់វាបានទៅណា (--wallet)
# en: Company check
category-COMPANY_CHECK = ការត្រួតពិនិត្យក្រុមហ៊ុន
# en: who registered, runs and owns this company (--company)
category-COMPANY_CHECK-meaning = តើនរណាបានចុះបញ្ជី គ្រប់គ្រង និងជាម្ចាស់ក្រុមហ៊ុននេះ (--company)
# en: Victim identification
category-VICTIM_IDENTIFICATION = ការកំណត់អត្តសញ្ញាណជនរងគ្រោះ
# en: identify a possible victim of trafficking, e.g. a rescued person (--person)
category-VICTIM_IDENTIFICATION-meaning = កំណត់អត្តសញ្ញាណបុគ្គលដែលអាចជាជនរងគ្រោះនៃការជួញដូរមនុស្ស ឧទាហរណ៍ បុគ្គលដែលត្រូវបានជួយសង្គ្រោះ (--person)
# en: Evidence preservation
category-EVIDENCE_PRESERVATION = ការរក្សាទុកភស្តុតាង
# en: preserve records or data until a formal request follows
category-EVIDENCE_PRESERVATION-meaning = រក្សាទុកកំណត់ត្រា ឬទិន្នន័យ រហូតដល់មានសំណើផ្លូវការបន្តមក
# en: Case notification
category-CASE_NOTIFICATION = ការជូនដំណឹងអំពីករណី
# en: tell the other country of a case that concerns it
category-CASE_NOTIFICATION-meaning = ជូនដំណឹងដល់ប្រទេសម្ខាងទៀតអំពីករណីដែលពាក់ព័ន្ធនឹងប្រទេសនោះ

## Purposes: why the requesting country needs the information (Purpose).

# en: Investigation
purpose-INVESTIGATION = ការស៊ើបអង្កេត
# en: for a criminal investigation under way
purpose-INVESTIGATION-meaning = សម្រាប់ការស៊ើបអង្កេតព្រហ្មទណ្ឌដែលកំពុងដំណើរការ
# en: Prosecution
purpose-PROSECUTION = ការចោទប្រកាន់
# en: for a prosecution or trial
purpose-PROSECUTION-meaning = សម្រាប់ការចោទប្រកាន់ ឬការជំនុំជម្រះក្តី
# en: Victim assistance
purpose-VICTIM_ASSISTANCE = ជំនួយដល់ជនរងគ្រោះ
# en: to protect, assist or bring home a victim
purpose-VICTIM_ASSISTANCE-meaning = ដើម្បីការពារ ជួយ ឬបញ្ជូនជនរងគ្រោះត្រឡប់មកផ្ទះវិញ
# en: Intelligence
purpose-INTELLIGENCE = ការស៊ើបការណ៍
# en: for criminal intelligence, not as evidence
purpose-INTELLIGENCE-meaning = សម្រាប់ការស៊ើបការណ៍ព្រហ្មទណ្ឌ មិនមែនជាភស្តុតាងទេ

## Refusal reasons: why an agency declined to answer (RefusalReason).

# en: No competent agency
refusal-NO_COMPETENT_AGENCY = គ្មានស្ថាប័នមានសមត្ថកិច្ច
# en: no agency of this country handles this category
refusal-NO_COMPETENT_AGENCY-meaning = គ្មានស្ថាប័នណាមួយរបស់ប្រទេសនេះទទួលបន្ទុកប្រភេទនេះទេ
# en: Insufficient information
refusal-INSUFFICIENT_INFORMATION = ព័ត៌មានមិនគ្រប់គ្រាន់
# en: the request lacks what is needed to act on it
refusal-INSUFFICIENT_INFORMATION-meaning = សំណើខ្វះអ្វីដែលចាំបាច់ដើម្បីចាត់វិធានការ
# en: No legal basis
refusal-NO_LEGAL_BASIS = គ្មានមូលដ្ឋានច្បាប់
# en: this country's law gives no basis to act on it
refusal-NO_LEGAL_BASIS-meaning = ច្បាប់របស់ប្រទេសនេះមិនផ្តល់មូលដ្ឋានដើម្បីចាត់វិធានការលើសំណើនេះទេ
# en: Prejudice to proceedings
refusal-PREJUDICE_TO_PROCEEDINGS = ប៉ះពាល់ដល់នីតិវិធី
# en: answering would prejudice an investigation or proceeding under way
refusal-PREJUDICE_TO_PROCEEDINGS-meaning = ការឆ្លើយតបនឹងប៉ះពាល់ដល់ការស៊ើបអង្កេត ឬនីតិវិធីដែលកំពុងដំណើរការ
# en: Outside agreement
refusal-OUTSIDE_AGREEMENT = ក្រៅកិច្ចព្រមព្រៀង
# en: the request falls outside the sharing agreement
refusal-OUTSIDE_AGREEMENT-meaning = សំណើស្ថិតនៅក្រៅវិសាលភាពនៃកិច្ចព្រមព្រៀងចែករំលែកព័ត៌មាន
# en: Requires mutual legal assistance
refusal-REQUIRES_MUTUAL_LEGAL_ASSISTANCE = ត្រូវការជំនួយគតិយុត្តទៅវិញទៅមក
# en: it must go through formal mutual legal assistance
refusal-REQUIRES_MUTUAL_LEGAL_ASSISTANCE-meaning = សំណើត្រូវឆ្លងកាត់ជំនួយគតិយុត្តទៅវិញទៅមកជាផ្លូវការ
# en: Deadline passed
refusal-DEADLINE_PASSED = ផុតកំណត់ពេល
# en: the deadline passed before an answer could be given
refusal-DEADLINE_PASSED-meaning = កំណត់ពេលបានផុតទៅមុនពេលអាចផ្តល់ចម្លើយបាន
# en: Other
refusal-OTHER = ផ្សេងៗ
# en: another reason, given with --explanation
refusal-OTHER-meaning = មូលហេតុផ្សេងទៀត ដែលបានផ្តល់ជាមួយ --explanation

## Handling codes: how the requester may use released data (HandlingCode).

# en: Intelligence only
handling-INTELLIGENCE_ONLY = សម្រាប់ការស៊ើបការណ៍តែប៉ុណ្ណោះ
# en: for intelligence only; not to be produced in court
handling-INTELLIGENCE_ONLY-meaning = សម្រាប់ការស៊ើបការណ៍តែប៉ុណ្ណោះ មិនត្រូវដាក់បង្ហាញនៅតុលាការទេ
# en: Evidence with consent
handling-EVIDENCE_WITH_CONSENT = ភស្តុតាងដោយមានការយល់ព្រម
# en: usable as evidence once the answering country consents
handling-EVIDENCE_WITH_CONSENT-meaning = អាចប្រើជាភស្តុតាងបាន នៅពេលប្រទេសដែលឆ្លើយតបយល់ព្រម
# en: No onward sharing
handling-NO_ONWARD_SHARING = ហាមចែករំលែកបន្ត
# en: not to be passed to any third country or agency outside the requester
handling-NO_ONWARD_SHARING-meaning = មិនត្រូវបញ្ជូនទៅប្រទេសទីបី ឬស្ថាប័នណាមួយនៅក្រៅភាគីស្នើសុំឡើយ
# en: Victim protected
handling-VICTIM_PROTECTED = ការពារជនរងគ្រោះ
# en: about a possible victim: no onward transfer, never evidence against that person, the shortest retention
handling-VICTIM_PROTECTED-meaning = អំពីបុគ្គលដែលអាចជាជនរងគ្រោះ៖ ហាមផ្ទេរបន្ត មិនត្រូវប្រើជាភស្តុតាងប្រឆាំងនឹងបុគ្គលនោះជាដាច់ខាត រក្សាទុកក្នុងរយៈពេលខ្លីបំផុត

## Request statuses: where a request is in its lifecycle (RequestStatus).

# en: Submitted
status-SUBMITTED = បានដាក់ស្នើ
# en: accepted by this node, not yet delivered to the peer
status-SUBMITTED-meaning = ថ្នាំង (node) នេះបានទទួល ប៉ុន្តែមិនទាន់បញ្ជូនដល់ថ្នាំងដៃគូទេ
# en: Sent
status-SENT = បានផ្ញើ
# en: delivered: the peer's receipt is held
status-SENT-meaning = បានបញ្ជូនដល់៖ មានបង្កាន់ដៃទទួលរបស់ថ្នាំងដៃគូ
# en: Received
status-RECEIVED = បានទទួល
# en: received from a peer, not yet routed to an agency
status-RECEIVED-meaning = បានទទួលពីថ្នាំងដៃគូ មិនទាន់បញ្ជូនទៅស្ថាប័នណាមួយទេ
# en: Assigned
status-ASSIGNED = បានចាត់តាំង
# en: routed to an agency, waiting for its answer
status-ASSIGNED-meaning = បានបញ្ជូនទៅស្ថាប័ន កំពុងរង់ចាំចម្លើយរបស់ស្ថាប័ននោះ
# en: Answered
status-ANSWERED = បានឆ្លើយតប
# en: answered with the fields released (final)
status-ANSWERED-meaning = បានឆ្លើយតប ដោយមានទិន្នន័យដែលបានបញ្ចេញ (ចុងក្រោយ)
# en: Refused
status-REFUSED = បានបដិសេធ
# en: refused, with a reason (final)
status-REFUSED-meaning = បានបដិសេធ ដោយមានមូលហេតុ (ចុងក្រោយ)
# en: Withdrawn
status-WITHDRAWN = បានដកវិញ
# en: withdrawn by the country that sent it (final)
status-WITHDRAWN-meaning = ត្រូវបានដកវិញដោយប្រទេសដែលបានផ្ញើ (ចុងក្រោយ)
# en: Expired
status-EXPIRED = ផុតកំណត់
# en: its deadline passed without an answer (final)
status-EXPIRED-meaning = កំណត់ពេលរបស់វាបានផុតទៅដោយគ្មានចម្លើយ (ចុងក្រោយ)
# en: Undeliverable
status-UNDELIVERABLE = មិនអាចបញ្ជូនបាន
# en: the peer refused its delivery for good (final)
status-UNDELIVERABLE-meaning = ថ្នាំងដៃគូបានបដិសេធការបញ្ជូនរបស់វាជាស្ថាពរ (ចុងក្រោយ)

## Victim statuses: what a victim-status notification says of its possible victim (VictimStatus).

# en: Confirmed
victim-status-CONFIRMED = បានបញ្ជាក់
# en: the competent authority identified the person as a victim
victim-status-CONFIRMED-meaning = អាជ្ញាធរមានសមត្ថកិច្ចបានកំណត់អត្តសញ្ញាណបុគ្គលនោះថាជាជនរងគ្រោះ
# en: Withdrawn
victim-status-WITHDRAWN = បានដកវិញ
# en: the indication that the person may be a victim is withdrawn
victim-status-WITHDRAWN-meaning = ការបង្ហាញថាបុគ្គលនោះអាចជាជនរងគ្រោះ ត្រូវបានដកវិញ

## Subject kinds: what a subject is (SubjectKind).

# en: Person
subject-kind-PERSON = បុគ្គល
# en: Phone
subject-kind-PHONE = ទូរស័ព្ទ
# en: Wallet
subject-kind-WALLET = កាបូបរូបិយប័ណ្ណគ្រីបតូ
# en: Company
subject-kind-COMPANY = ក្រុមហ៊ុន
# en: Bank account
subject-kind-BANK_ACCOUNT = គណនីធនាគារ
# en: Online account
subject-kind-ONLINE_ACCOUNT = គណនីអនឡាញ
# en: Device
subject-kind-DEVICE = ឧបករណ៍
# en: Identity document
subject-kind-IDENTITY_DOCUMENT = ឯកសារអត្តសញ្ញាណ
# en: Vehicle
subject-kind-VEHICLE = យានជំនិះ
# en: IP address
subject-kind-IP_ADDRESS = អាសយដ្ឋាន IP

## Subject roles: what part a subject plays in the case, as far as the requester knows (SubjectRole).

# en: Suspect
subject-role-SUSPECT = ជនសង្ស័យ
# en: Possible victim
subject-role-POSSIBLE_VICTIM = អាចជាជនរងគ្រោះ
# en: Witness
subject-role-WITNESS = សាក្សី
# en: Unknown
subject-role-UNKNOWN = មិនដឹង

## Identity document types (DocumentType).

# en: Passport
document-type-PASSPORT = លិខិតឆ្លងដែន
# en: National ID
document-type-NATIONAL_ID = អត្តសញ្ញាណប័ណ្ណសញ្ជាតិ
# en: Residence permit
document-type-RESIDENCE_PERMIT = លិខិតអនុញ្ញាតស្នាក់នៅ
# en: Driving licence
document-type-DRIVING_LICENCE = ប័ណ្ណបើកបរ
# en: Seafarer book
document-type-SEAFARER_BOOK = សៀវភៅនាវិក
# en: Other document
document-type-OTHER_DOCUMENT = ឯកសារផ្សេងទៀត

## Trafficking indicators (proto/src/victims.rs INDICATORS). The first eleven are the ILO
## Indicators of Forced Labour (ILO, 2012); the last three are Liaison's own.

# en: Abuse of vulnerability
indicator-ABUSE_OF_VULNERABILITY = ការរំលោភលើភាពងាយរងគ្រោះ
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-ABUSE_OF_VULNERABILITY-meaning = សូចនាករមួយក្នុងចំណោមសូចនាករទាំងដប់មួយនៃពលកម្មដោយបង្ខំរបស់ ILO (ILO, 2012)
# en: Deception
indicator-DECEPTION = ការបោកបញ្ឆោត
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-DECEPTION-meaning = សូចនាករមួយក្នុងចំណោមសូចនាករទាំងដប់មួយនៃពលកម្មដោយបង្ខំរបស់ ILO (ILO, 2012)
# en: Restriction of movement
indicator-RESTRICTION_OF_MOVEMENT = ការរឹតត្បិតលើការធ្វើដំណើរ
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-RESTRICTION_OF_MOVEMENT-meaning = សូចនាករមួយក្នុងចំណោមសូចនាករទាំងដប់មួយនៃពលកម្មដោយបង្ខំរបស់ ILO (ILO, 2012)
# en: Isolation
indicator-ISOLATION = ការដាក់ឱ្យនៅដាច់ឆ្ងាយ
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-ISOLATION-meaning = សូចនាករមួយក្នុងចំណោមសូចនាករទាំងដប់មួយនៃពលកម្មដោយបង្ខំរបស់ ILO (ILO, 2012)
# en: Physical and sexual violence
indicator-PHYSICAL_AND_SEXUAL_VIOLENCE = អំពើហិង្សាលើរាងកាយ និងផ្លូវភេទ
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-PHYSICAL_AND_SEXUAL_VIOLENCE-meaning = សូចនាករមួយក្នុងចំណោមសូចនាករទាំងដប់មួយនៃពលកម្មដោយបង្ខំរបស់ ILO (ILO, 2012)
# en: Intimidation and threats
indicator-INTIMIDATION_AND_THREATS = ការបំភិតបំភ័យ និងការគំរាមកំហែង
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-INTIMIDATION_AND_THREATS-meaning = សូចនាករមួយក្នុងចំណោមសូចនាករទាំងដប់មួយនៃពលកម្មដោយបង្ខំរបស់ ILO (ILO, 2012)
# en: Retention of identity documents
indicator-RETENTION_OF_IDENTITY_DOCUMENTS = ការរឹបអូសឯកសារអត្តសញ្ញាណ
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-RETENTION_OF_IDENTITY_DOCUMENTS-meaning = សូចនាករមួយក្នុងចំណោមសូចនាករទាំងដប់មួយនៃពលកម្មដោយបង្ខំរបស់ ILO (ILO, 2012)
# en: Withholding of wages
indicator-WITHHOLDING_OF_WAGES = ការទប់ប្រាក់ឈ្នួល
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-WITHHOLDING_OF_WAGES-meaning = សូចនាករមួយក្នុងចំណោមសូចនាករទាំងដប់មួយនៃពលកម្មដោយបង្ខំរបស់ ILO (ILO, 2012)
# en: Debt bondage
indicator-DEBT_BONDAGE = ការជាប់ចំណងបំណុល
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-DEBT_BONDAGE-meaning = សូចនាករមួយក្នុងចំណោមសូចនាករទាំងដប់មួយនៃពលកម្មដោយបង្ខំរបស់ ILO (ILO, 2012)
# en: Abusive working and living conditions
indicator-ABUSIVE_WORKING_AND_LIVING_CONDITIONS = លក្ខខណ្ឌការងារ និងការរស់នៅដែលរំលោភបំពាន
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-ABUSIVE_WORKING_AND_LIVING_CONDITIONS-meaning = សូចនាករមួយក្នុងចំណោមសូចនាករទាំងដប់មួយនៃពលកម្មដោយបង្ខំរបស់ ILO (ILO, 2012)
# en: Excessive overtime
indicator-EXCESSIVE_OVERTIME = ការងារបន្ថែមម៉ោងហួសប្រមាណ
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-EXCESSIVE_OVERTIME-meaning = សូចនាករមួយក្នុងចំណោមសូចនាករទាំងដប់មួយនៃពលកម្មដោយបង្ខំរបស់ ILO (ILO, 2012)
# en: Forced to commit online fraud (scams) under threat (Liaison's own indicator)
indicator-FORCED_ONLINE_FRAUD = ត្រូវបានបង្ខំឱ្យប្រព្រឹត្តការបោកប្រាស់តាមអនឡាញ ក្រោមការគំរាមកំហែង (សូចនាកររបស់ Liaison ផ្ទាល់)
# en: Liaison's own indicator, not from a standard: a sign of forced criminality reported from scam compounds
indicator-FORCED_ONLINE_FRAUD-meaning = សូចនាកររបស់ Liaison ផ្ទាល់ មិនមែនមកពីស្តង់ដារណាមួយទេ៖ សញ្ញានៃការបង្ខំឱ្យប្រព្រឹត្តបទល្មើសព្រហ្មទណ្ឌ ដែលត្រូវបានរាយការណ៍ពីទីតាំងប្រតិបត្តិការបោកប្រាស់តាមអនឡាញ (scam compound)
# en: Fraud quotas enforced with punishment (Liaison's own indicator)
indicator-QUOTAS_WITH_PUNISHMENT = កូតាបោកប្រាស់ដែលត្រូវបានអនុវត្តដោយការដាក់ទណ្ឌកម្ម (សូចនាកររបស់ Liaison ផ្ទាល់)
# en: Liaison's own indicator, not from a standard: a sign of forced criminality reported from scam compounds
indicator-QUOTAS_WITH_PUNISHMENT-meaning = សូចនាកររបស់ Liaison ផ្ទាល់ មិនមែនមកពីស្តង់ដារណាមួយទេ៖ សញ្ញានៃការបង្ខំឱ្យប្រព្រឹត្តបទល្មើសព្រហ្មទណ្ឌ ដែលត្រូវបានរាយការណ៍ពីទីតាំងប្រតិបត្តិការបោកប្រាស់តាមអនឡាញ (scam compound)
# en: Sold or transferred between compounds (Liaison's own indicator)
indicator-SOLD_BETWEEN_COMPOUNDS = ត្រូវបានលក់ ឬផ្ទេររវាងទីតាំងប្រតិបត្តិការ (សូចនាកររបស់ Liaison ផ្ទាល់)
# en: Liaison's own indicator, not from a standard: a sign of forced criminality reported from scam compounds
indicator-SOLD_BETWEEN_COMPOUNDS-meaning = សូចនាកររបស់ Liaison ផ្ទាល់ មិនមែនមកពីស្តង់ដារណាមួយទេ៖ សញ្ញានៃការបង្ខំឱ្យប្រព្រឹត្តបទល្មើសព្រហ្មទណ្ឌ ដែលត្រូវបានរាយការណ៍ពីទីតាំងប្រតិបត្តិការបោកប្រាស់តាមអនឡាញ (scam compound)

## Legal bases a request is made under (proto/src/legal.rs LEGAL_BASES): a short name,
## and the title as the meaning. ACTIP, UNTOC and MLAT stay untranslated.

# en: UNTOC art. 18
legal-UNTOC_ART_18 = UNTOC មាត្រា 18
# en: UN Convention against Transnational Organized Crime, art. 18 (mutual legal assistance)
legal-UNTOC_ART_18-meaning = អនុសញ្ញាអង្គការសហប្រជាជាតិប្រឆាំងនឹងឧក្រិដ្ឋកម្មឆ្លងដែនដែលមានការរៀបចំជាក្រុម មាត្រា 18 (ជំនួយគតិយុត្តទៅវិញទៅមក)
# en: UNTOC art. 27
legal-UNTOC_ART_27 = UNTOC មាត្រា 27
# en: UN Convention against Transnational Organized Crime, art. 27 (law enforcement cooperation)
legal-UNTOC_ART_27-meaning = អនុសញ្ញាអង្គការសហប្រជាជាតិប្រឆាំងនឹងឧក្រិដ្ឋកម្មឆ្លងដែនដែលមានការរៀបចំជាក្រុម មាត្រា 27 (កិច្ចសហប្រតិបត្តិការអនុវត្តច្បាប់)
# en: UN Trafficking Protocol
legal-UN_TIP_PROTOCOL = ពិធីសារអង្គការសហប្រជាជាតិស្តីពីការជួញដូរមនុស្ស
# en: UN Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children
legal-UN_TIP_PROTOCOL-meaning = ពិធីសារអង្គការសហប្រជាជាតិស្តីពីការបង្ការ បង្ក្រាប និងផ្តន្ទាទោសការជួញដូរមនុស្ស ជាពិសេសស្ត្រី និងកុមារ
# en: ACTIP
legal-ACTIP = ACTIP
# en: ASEAN Convention against Trafficking in Persons, Especially Women and Children
legal-ACTIP-meaning = អនុសញ្ញាអាស៊ានប្រឆាំងនឹងការជួញដូរមនុស្ស ជាពិសេសស្ត្រី និងកុមារ
# en: ASEAN MLAT
legal-ASEAN_MLAT = ASEAN MLAT
# en: ASEAN Treaty on Mutual Legal Assistance in Criminal Matters
legal-ASEAN_MLAT-meaning = សន្ធិសញ្ញាអាស៊ានស្តីពីជំនួយគតិយុត្តទៅវិញទៅមកក្នុងវិស័យព្រហ្មទណ្ឌ
# en: Budapest Convention art. 29
legal-BUDAPEST_ART_29 = អនុសញ្ញាប៊ុយដាប៉ែស មាត្រា 29
# en: Convention on Cybercrime (Budapest), art. 29 (expedited preservation of stored computer data)
legal-BUDAPEST_ART_29-meaning = អនុសញ្ញាស្តីពីឧក្រិដ្ឋកម្មតាមប្រព័ន្ធកុំព្យូទ័រ (ប៊ុយដាប៉ែស) មាត្រា 29 (ការរក្សាទុកជាបន្ទាន់នូវទិន្នន័យកុំព្យូទ័រដែលបានផ្ទុក)
# en: Budapest Convention art. 35
legal-BUDAPEST_ART_35 = អនុសញ្ញាប៊ុយដាប៉ែស មាត្រា 35
# en: Convention on Cybercrime (Budapest), art. 35 (24/7 network)
legal-BUDAPEST_ART_35-meaning = អនុសញ្ញាស្តីពីឧក្រិដ្ឋកម្មតាមប្រព័ន្ធកុំព្យូទ័រ (ប៊ុយដាប៉ែស) មាត្រា 35 (បណ្តាញ 24/7)
# en: Bilateral agreement
legal-BILATERAL = កិច្ចព្រមព្រៀងទ្វេភាគី
# en: A bilateral agreement between the two countries (named in the reference)
legal-BILATERAL-meaning = កិច្ចព្រមព្រៀងទ្វេភាគីរវាងប្រទេសទាំងពីរ (ដែលបានបញ្ជាក់ក្នុងឯកសារយោង)
# en: Police-to-police cooperation
legal-POLICE_COOPERATION = កិច្ចសហប្រតិបត្តិការរវាងប៉ូលិសនិងប៉ូលិស
# en: Police-to-police cooperation
legal-POLICE_COOPERATION-meaning = កិច្ចសហប្រតិបត្តិការរវាងប៉ូលិសនិងប៉ូលិស
# en: Reciprocity
legal-RECIPROCITY = គោលការណ៍អន្យោន្យភាព
# en: Reciprocity
legal-RECIPROCITY-meaning = គោលការណ៍អន្យោន្យភាព

## Non-punishment provisions a request about a possible victim cites
## (proto/src/legal.rs NON_PUNISHMENT).

# en: ACTIP art. 14(7): consider not holding victims of trafficking criminally or administratively liable for unlawful acts directly related to their trafficking
non-punishment-ACTIP_ART_14_7 = ACTIP មាត្រា 14(7)៖ ពិចារណាមិនឱ្យជនរងគ្រោះនៃការជួញដូរមនុស្សទទួលខុសត្រូវផ្នែកព្រហ្មទណ្ឌ ឬរដ្ឋបាល ចំពោះអំពើខុសច្បាប់ដែលពាក់ព័ន្ធដោយផ្ទាល់នឹងការដែលពួកគេត្រូវបានគេជួញដូរ
# en: The requesting country's own non-punishment provision (named in the reference)
non-punishment-NATIONAL_LAW = បទប្បញ្ញត្តិស្តីពីការមិនដាក់ទោសរបស់ប្រទេសស្នើសុំផ្ទាល់ (ដែលបានបញ្ជាក់ក្នុងឯកសារយោង)

## UNODC ICCS offence codes and titles (proto/data/iccs.tsv: ICCS version 1.0, UNODC 2015,
## a sourced subset). UNODC publishes no official ICCS titles in these languages, so
## translations of them are descriptive.

# en: Acts leading to death or intending to cause death
iccs-01 = អំពើដែលនាំឱ្យស្លាប់ ឬមានចេតនាបង្កឱ្យស្លាប់
# en: Intentional homicide
iccs-0101 = មនុស្សឃាតដោយចេតនា
# en: Attempted intentional homicide
iccs-0102 = ការប៉ុនប៉ងមនុស្សឃាតដោយចេតនា
# en: Non-intentional homicide
iccs-0103 = មនុស្សឃាតដោយអចេតនា
# en: Assisting or instigating suicide
iccs-0104 = ការជួយ ឬញុះញង់ឱ្យធ្វើអត្តឃាត
# en: Euthanasia
iccs-0105 = ឃាតកម្មដោយមេត្តា (euthanasia)
# en: Unlawful killing associated with armed conflict
iccs-0107 = ការសម្លាប់ខុសច្បាប់ដែលពាក់ព័ន្ធនឹងជម្លោះប្រដាប់អាវុធ
# en: Other acts leading to death or intending to cause death
iccs-0109 = អំពើផ្សេងទៀតដែលនាំឱ្យស្លាប់ ឬមានចេតនាបង្កឱ្យស្លាប់
# en: Acts causing harm or intending to cause harm to the person
iccs-02 = អំពើដែលបង្ក ឬមានចេតនាបង្កគ្រោះថ្នាក់ដល់បុគ្គល
# en: Assaults and threats
iccs-0201 = ការវាយប្រហារ និងការគំរាមកំហែង
# en: Assault
iccs-02011 = ការវាយប្រហារ
# en: Serious assault
iccs-020111 = ការវាយប្រហារធ្ងន់ធ្ងរ
# en: Acts against liberty
iccs-0202 = អំពើប្រឆាំងនឹងសេរីភាព
# en: Deprivation of liberty
iccs-02022 = ការដកហូតសេរីភាព
# en: Kidnapping
iccs-020221 = ការចាប់ជំរិត
# en: Slavery and exploitation
iccs-0203 = ទាសភាព និងការកេងប្រវ័ញ្ច
# en: Forced labour for domestic services
iccs-020321 = ពលកម្មដោយបង្ខំក្នុងសេវាកម្មតាមផ្ទះ
# en: Trafficking in persons
iccs-0204 = ការជួញដូរមនុស្ស
# en: Trafficking in persons for sexual exploitation
iccs-02041 = ការជួញដូរមនុស្សក្នុងគោលបំណងកេងប្រវ័ញ្ចផ្លូវភេទ
# en: Trafficking in persons for forced labour or services
iccs-02042 = ការជួញដូរមនុស្សក្នុងគោលបំណងពលកម្ម ឬសេវាកម្មដោយបង្ខំ
# en: Coercion
iccs-0205 = ការបង្ខិតបង្ខំ
# en: Negligence
iccs-0206 = ការធ្វេសប្រហែស
# en: Dangerous acts
iccs-0207 = អំពើគ្រោះថ្នាក់
# en: Acts intended to induce fear or emotional distress
iccs-0208 = អំពើដែលមានបំណងបង្កការភ័យខ្លាច ឬទុក្ខព្រួយផ្លូវចិត្ត
# en: Defamation or insult
iccs-0209 = ការបរិហារកេរ្តិ៍ ឬការជេរប្រមាថ
# en: Discrimination
iccs-0210 = ការរើសអើង
# en: Acts that trespass against the person
iccs-0211 = អំពើដែលរំលោភលើបុគ្គល
# en: Other acts causing harm or intending to cause harm to the person
iccs-0219 = អំពើផ្សេងទៀតដែលបង្ក ឬមានចេតនាបង្កគ្រោះថ្នាក់ដល់បុគ្គល
# en: Injurious acts of a sexual nature
iccs-03 = អំពើបង្កគ្រោះថ្នាក់ដែលមានលក្ខណៈផ្លូវភេទ
# en: Sexual violence
iccs-0301 = អំពើហិង្សាផ្លូវភេទ
# en: Rape
iccs-03011 = ការរំលោភសេពសន្ថវៈ
# en: Sexual assault
iccs-03012 = ការវាយប្រហារផ្លូវភេទ
# en: Other acts of sexual violence
iccs-03019 = អំពើហិង្សាផ្លូវភេទផ្សេងទៀត
# en: Sexual exploitation
iccs-0302 = ការកេងប្រវ័ញ្ចផ្លូវភេទ
# en: Sexual exploitation of children
iccs-03022 = ការកេងប្រវ័ញ្ចផ្លូវភេទលើកុមារ
# en: Child pornography
iccs-030221 = រូបភាពអាសអាភាសកុមារ
# en: Acts against property involving violence or threat against a person
iccs-04 = អំពើប្រឆាំងនឹងទ្រព្យសម្បត្តិដែលពាក់ព័ន្ធនឹងអំពើហិង្សា ឬការគំរាមកំហែងលើបុគ្គល
# en: Robbery
iccs-0401 = ការប្លន់
# en: Acts against property only
iccs-05 = អំពើប្រឆាំងនឹងទ្រព្យសម្បត្តិតែប៉ុណ្ណោះ
# en: Burglary
iccs-0501 = ការលួចដោយទម្លុះចូលទីកន្លែង
# en: Burglary of private residential premises
iccs-05012 = ការលួចដោយទម្លុះចូលលំនៅដ្ឋានឯកជន
# en: Theft
iccs-0502 = ការលួច
# en: Theft of a motorized vehicle or parts thereof
iccs-05021 = ការលួចយានយន្ត ឬគ្រឿងបន្លាស់របស់វា
# en: Theft of a motorized land vehicle
iccs-050211 = ការលួចយានយន្តលើគោក
# en: Acts involving controlled drugs or other psychoactive substances
iccs-06 = អំពើពាក់ព័ន្ធនឹងគ្រឿងញៀនដែលស្ថិតក្រោមការត្រួតពិនិត្យ ឬសារធាតុចិត្តសកម្មផ្សេងទៀត
# en: Unlawful acts involving controlled drugs or precursors
iccs-0601 = អំពើខុសច្បាប់ពាក់ព័ន្ធនឹងគ្រឿងញៀនដែលស្ថិតក្រោមការត្រួតពិនិត្យ ឬសារធាតុមុនគ្រឿងញៀន
# en: Acts involving fraud, deception or corruption
iccs-07 = អំពើពាក់ព័ន្ធនឹងការក្លែងបន្លំ ការបោកប្រាស់ ឬអំពើពុករលួយ
# en: Fraud
iccs-0701 = ការក្លែងបន្លំ
# en: Corruption
iccs-0703 = អំពើពុករលួយ
# en: Bribery
iccs-07031 = ការសូកប៉ាន់
# en: Money laundering
iccs-07041 = ការសម្អាតប្រាក់
# en: Acts against public order, authority and provisions of the State
iccs-08 = អំពើប្រឆាំងនឹងសណ្តាប់ធ្នាប់សាធារណៈ អាជ្ញាធរ និងបទប្បញ្ញត្តិរបស់រដ្ឋ
# en: Smuggling of migrants offences
iccs-08051 = បទល្មើសរត់ពន្ធជនចំណាកស្រុក
# en: Acts against public safety and state security
iccs-09 = អំពើប្រឆាំងនឹងសុវត្ថិភាពសាធារណៈ និងសន្តិសុខរដ្ឋ
# en: Acts against computer systems
iccs-0903 = អំពើប្រឆាំងនឹងប្រព័ន្ធកុំព្យូទ័រ
# en: Unlawful access to a computer system
iccs-09031 = ការចូលប្រើប្រព័ន្ធកុំព្យូទ័រដោយខុសច្បាប់
# en: Participation in an organized criminal group
iccs-09051 = ការចូលរួមក្នុងក្រុមឧក្រិដ្ឋកម្មដែលមានការរៀបចំ
# en: Acts against the natural environment
iccs-10 = អំពើប្រឆាំងនឹងបរិស្ថានធម្មជាតិ
# en: Acts that cause environmental pollution or degradation
iccs-1001 = អំពើដែលបង្កការបំពុល ឬការរិចរិលបរិស្ថាន
# en: Acts involving the movement or dumping of waste
iccs-1002 = អំពើពាក់ព័ន្ធនឹងការដឹកជញ្ជូន ឬការចាក់ចោលកាកសំណល់
# en: Trade or possession of protected or prohibited species of fauna and flora
iccs-1003 = ការជួញដូរ ឬការកាន់កាប់ប្រភេទសត្វ និងរុក្ខជាតិដែលត្រូវបានការពារ ឬហាមឃាត់
# en: Acts that result in the depletion or degradation of natural resources
iccs-1004 = អំពើដែលបណ្តាលឱ្យធនធានធម្មជាតិថយចុះ ឬរិចរិល
# en: Other criminal acts not elsewhere classified
iccs-11 = អំពើព្រហ្មទណ្ឌផ្សេងទៀតដែលមិនបានចាត់ថ្នាក់នៅកន្លែងផ្សេង
