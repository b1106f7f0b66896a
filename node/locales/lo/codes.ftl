### status: drafted, not yet reviewed by a native speaker
### language: Lao

## Categories: what a request asks the other country to do or check (Category).
## The flags in brackets, e.g. (--person), are the command line's and stay as they are.

# en: Person check
category-PERSON_CHECK = ກວດສອບບຸກຄົນ
# en: is this person known to you: identity, record, wanted status (--person)
category-PERSON_CHECK-meaning = ທ່ານຮູ້ຈັກບຸກຄົນນີ້ບໍ່: ຕົວຕົນ, ປະຫວັດ, ສະຖານະການຖືກຕ້ອງການຕົວ (--person)
# en: Phone check
category-PHONE_CHECK = ກວດສອບເບີໂທລະສັບ
# en: who holds this phone number, and since when (--phone)
category-PHONE_CHECK-meaning = ໃຜເປັນຜູ້ຖືເບີໂທລະສັບນີ້, ແລະ ແຕ່ເມື່ອໃດ (--phone)
# en: Wallet trace
category-WALLET_TRACE = ຕິດຕາມກະເປົາເງິນຄຣິບໂຕ
# en: who is behind this crypto-currency address, where its funds went (--wallet)
category-WALLET_TRACE-meaning = ໃຜຢູ່ເບື້ອງຫຼັງທີ່ຢູ່ສະກຸນເງິນຄຣິບໂຕນີ້, ເງິນທຶນຂອງມັນໄປໃສ (--wallet)
# en: Company check
category-COMPANY_CHECK = ກວດສອບບໍລິສັດ
# en: who registered, runs and owns this company (--company)
category-COMPANY_CHECK-meaning = ໃຜເປັນຜູ້ຈົດທະບຽນ, ບໍລິຫານ ແລະ ເປັນເຈົ້າຂອງບໍລິສັດນີ້ (--company)
# en: Victim identification
category-VICTIM_IDENTIFICATION = ການກຳນົດຕົວຜູ້ຖືກເຄາະຮ້າຍ
# en: identify a possible victim of trafficking, e.g. a rescued person (--person)
category-VICTIM_IDENTIFICATION-meaning = ກຳນົດຕົວບຸກຄົນທີ່ອາດເປັນຜູ້ຖືກເຄາະຮ້າຍຈາກການຄ້າມະນຸດ, ຕົວຢ່າງ: ບຸກຄົນທີ່ໄດ້ຮັບການຊ່ວຍເຫຼືອ (--person)
# en: Evidence preservation
category-EVIDENCE_PRESERVATION = ຮັກສາຫຼັກຖານ
# en: preserve records or data until a formal request follows
category-EVIDENCE_PRESERVATION-meaning = ຮັກສາບັນທຶກ ຫຼື ຂໍ້ມູນໄວ້ ຈົນກວ່າຈະມີຄຳຮ້ອງຂໍຢ່າງເປັນທາງການຕາມມາ
# en: Case notification
category-CASE_NOTIFICATION = ແຈ້ງຄະດີ
# en: tell the other country of a case that concerns it
category-CASE_NOTIFICATION-meaning = ແຈ້ງໃຫ້ອີກປະເທດໜຶ່ງຮູ້ກ່ຽວກັບຄະດີທີ່ພົວພັນເຖິງປະເທດນັ້ນ

## Purposes: why the requesting country needs the information (Purpose).

# en: Investigation
purpose-INVESTIGATION = ການສືບສວນ-ສອບສວນ
# en: for a criminal investigation under way
purpose-INVESTIGATION-meaning = ເພື່ອການສືບສວນ-ສອບສວນຄະດີອາຍາທີ່ກຳລັງດຳເນີນຢູ່
# en: Prosecution
purpose-PROSECUTION = ການຟ້ອງຮ້ອງ
# en: for a prosecution or trial
purpose-PROSECUTION-meaning = ເພື່ອການຟ້ອງຮ້ອງ ຫຼື ການພິຈາລະນາຕັດສິນຄະດີ
# en: Victim assistance
purpose-VICTIM_ASSISTANCE = ການຊ່ວຍເຫຼືອຜູ້ຖືກເຄາະຮ້າຍ
# en: to protect, assist or bring home a victim
purpose-VICTIM_ASSISTANCE-meaning = ເພື່ອປົກປ້ອງ, ຊ່ວຍເຫຼືອ ຫຼື ສົ່ງຜູ້ຖືກເຄາະຮ້າຍກັບຄືນບ້ານ
# en: Intelligence
purpose-INTELLIGENCE = ການຂ່າວ
# en: for criminal intelligence, not as evidence
purpose-INTELLIGENCE-meaning = ເພື່ອເປັນຂໍ້ມູນການຂ່າວກ່ຽວກັບອາຊະຍາກຳ, ບໍ່ແມ່ນເພື່ອໃຊ້ເປັນຫຼັກຖານ

## Refusal reasons: why an agency declined to answer (RefusalReason).

# en: No competent agency
refusal-NO_COMPETENT_AGENCY = ບໍ່ມີອົງການທີ່ມີສິດອຳນາດ
# en: no agency of this country handles this category
refusal-NO_COMPETENT_AGENCY-meaning = ບໍ່ມີອົງການໃດຂອງປະເທດນີ້ຮັບຜິດຊອບປະເພດນີ້
# en: Insufficient information
refusal-INSUFFICIENT_INFORMATION = ຂໍ້ມູນບໍ່ພຽງພໍ
# en: the request lacks what is needed to act on it
refusal-INSUFFICIENT_INFORMATION-meaning = ຄຳຮ້ອງຂໍຂາດສິ່ງທີ່ຈຳເປັນເພື່ອດຳເນີນການ
# en: No legal basis
refusal-NO_LEGAL_BASIS = ບໍ່ມີພື້ນຖານທາງກົດໝາຍ
# en: this country's law gives no basis to act on it
refusal-NO_LEGAL_BASIS-meaning = ກົດໝາຍຂອງປະເທດນີ້ບໍ່ມີພື້ນຖານໃຫ້ດຳເນີນການຕາມຄຳຮ້ອງຂໍນີ້
# en: Prejudice to proceedings
refusal-PREJUDICE_TO_PROCEEDINGS = ກະທົບຕໍ່ການດຳເນີນຄະດີ
# en: answering would prejudice an investigation or proceeding under way
refusal-PREJUDICE_TO_PROCEEDINGS-meaning = ການຕອບຈະກະທົບຕໍ່ການສືບສວນ-ສອບສວນ ຫຼື ການດຳເນີນຄະດີທີ່ກຳລັງດຳເນີນຢູ່
# en: Outside agreement
refusal-OUTSIDE_AGREEMENT = ຢູ່ນອກຂໍ້ຕົກລົງ
# en: the request falls outside the sharing agreement
refusal-OUTSIDE_AGREEMENT-meaning = ຄຳຮ້ອງຂໍຢູ່ນອກຂອບເຂດຂອງຂໍ້ຕົກລົງການແບ່ງປັນຂໍ້ມູນ
# en: Requires mutual legal assistance
refusal-REQUIRES_MUTUAL_LEGAL_ASSISTANCE = ຕ້ອງຜ່ານການຊ່ວຍເຫຼືອເຊິ່ງກັນ ແລະ ກັນທາງດ້ານກົດໝາຍ
# en: it must go through formal mutual legal assistance
refusal-REQUIRES_MUTUAL_LEGAL_ASSISTANCE-meaning = ຕ້ອງດຳເນີນຜ່ານການຊ່ວຍເຫຼືອເຊິ່ງກັນ ແລະ ກັນທາງດ້ານກົດໝາຍຢ່າງເປັນທາງການ
# en: Deadline passed
refusal-DEADLINE_PASSED = ກາຍກຳນົດເວລາ
# en: the deadline passed before an answer could be given
refusal-DEADLINE_PASSED-meaning = ກຳນົດເວລາໄດ້ກາຍໄປກ່ອນທີ່ຈະສາມາດໃຫ້ຄຳຕອບໄດ້
# en: Other
refusal-OTHER = ອື່ນໆ
# en: another reason, given with --explanation
refusal-OTHER-meaning = ເຫດຜົນອື່ນ, ທີ່ລະບຸດ້ວຍ --explanation

## Handling codes: how the requester may use released data (HandlingCode).

# en: Intelligence only
handling-INTELLIGENCE_ONLY = ສຳລັບການຂ່າວເທົ່ານັ້ນ
# en: for intelligence only; not to be produced in court
handling-INTELLIGENCE_ONLY-meaning = ສຳລັບການຂ່າວເທົ່ານັ້ນ; ຫ້າມນຳສະເໜີຕໍ່ສານ
# en: Evidence with consent
handling-EVIDENCE_WITH_CONSENT = ເປັນຫຼັກຖານເມື່ອໄດ້ຮັບການຍິນຍອມ
# en: usable as evidence once the answering country consents
handling-EVIDENCE_WITH_CONSENT-meaning = ສາມາດໃຊ້ເປັນຫຼັກຖານໄດ້ ເມື່ອປະເທດທີ່ຕອບໃຫ້ການຍິນຍອມ
# en: No onward sharing
handling-NO_ONWARD_SHARING = ຫ້າມສົ່ງຕໍ່
# en: not to be passed to any third country or agency outside the requester
handling-NO_ONWARD_SHARING-meaning = ຫ້າມສົ່ງຕໍ່ໃຫ້ປະເທດທີສາມ ຫຼື ອົງການໃດໜຶ່ງນອກຈາກຝ່າຍຜູ້ຮ້ອງຂໍ
# en: Victim protected
handling-VICTIM_PROTECTED = ປົກປ້ອງຜູ້ຖືກເຄາະຮ້າຍ
# en: about a possible victim: no onward transfer, never evidence against that person, the shortest retention
handling-VICTIM_PROTECTED-meaning = ກ່ຽວກັບບຸກຄົນທີ່ອາດເປັນຜູ້ຖືກເຄາະຮ້າຍ: ຫ້າມສົ່ງຕໍ່, ຫ້າມໃຊ້ເປັນຫຼັກຖານຕໍ່ຕ້ານບຸກຄົນນັ້ນຢ່າງເດັດຂາດ, ເກັບຮັກສາໄວ້ໄລຍະສັ້ນທີ່ສຸດ

## Request statuses: where a request is in its lifecycle (RequestStatus).

# en: Submitted
status-SUBMITTED = ຍື່ນແລ້ວ
# en: accepted by this node, not yet delivered to the peer
status-SUBMITTED-meaning = ໂນດ (node) ນີ້ຮັບແລ້ວ, ຍັງບໍ່ທັນສົ່ງເຖິງໂນດຄູ່ຮ່ວມ
# en: Sent
status-SENT = ສົ່ງແລ້ວ
# en: delivered: the peer's receipt is held
status-SENT-meaning = ສົ່ງເຖິງແລ້ວ: ມີໃບຢັ້ງຢືນການຮັບຂອງໂນດຄູ່ຮ່ວມ
# en: Received
status-RECEIVED = ໄດ້ຮັບແລ້ວ
# en: received from a peer, not yet routed to an agency
status-RECEIVED-meaning = ໄດ້ຮັບຈາກໂນດຄູ່ຮ່ວມ, ຍັງບໍ່ທັນສົ່ງຕໍ່ໃຫ້ອົງການ
# en: Assigned
status-ASSIGNED = ມອບໝາຍແລ້ວ
# en: routed to an agency, waiting for its answer
status-ASSIGNED-meaning = ສົ່ງຕໍ່ໃຫ້ອົງການແລ້ວ, ກຳລັງລໍຖ້າຄຳຕອບຂອງອົງການນັ້ນ
# en: Answered
status-ANSWERED = ຕອບແລ້ວ
# en: answered with the fields released (final)
status-ANSWERED-meaning = ຕອບແລ້ວ ພ້ອມຂໍ້ມູນທີ່ເປີດເຜີຍ (ສິ້ນສຸດ)
# en: Refused
status-REFUSED = ປະຕິເສດ
# en: refused, with a reason (final)
status-REFUSED-meaning = ປະຕິເສດ, ພ້ອມເຫດຜົນ (ສິ້ນສຸດ)
# en: Withdrawn
status-WITHDRAWN = ຖອນແລ້ວ
# en: withdrawn by the country that sent it (final)
status-WITHDRAWN-meaning = ຖືກຖອນໂດຍປະເທດທີ່ສົ່ງມາ (ສິ້ນສຸດ)
# en: Expired
status-EXPIRED = ໝົດເວລາ
# en: its deadline passed without an answer (final)
status-EXPIRED-meaning = ກຳນົດເວລາຂອງມັນໄດ້ກາຍໄປໂດຍບໍ່ມີຄຳຕອບ (ສິ້ນສຸດ)
# en: Undeliverable
status-UNDELIVERABLE = ສົ່ງບໍ່ໄດ້
# en: the peer refused its delivery for good (final)
status-UNDELIVERABLE-meaning = ໂນດຄູ່ຮ່ວມປະຕິເສດການຮັບຢ່າງຖາວອນ (ສິ້ນສຸດ)

## Victim statuses: what a victim-status notification says of its possible victim (VictimStatus).

# en: Confirmed
victim-status-CONFIRMED = ຢັ້ງຢືນແລ້ວ
# en: the competent authority identified the person as a victim
victim-status-CONFIRMED-meaning = ເຈົ້າໜ້າທີ່ທີ່ມີສິດອຳນາດໄດ້ກຳນົດວ່າບຸກຄົນນັ້ນເປັນຜູ້ຖືກເຄາະຮ້າຍ
# en: Withdrawn
victim-status-WITHDRAWN = ຖອນແລ້ວ
# en: the indication that the person may be a victim is withdrawn
victim-status-WITHDRAWN-meaning = ການຊີ້ບອກວ່າບຸກຄົນນັ້ນອາດເປັນຜູ້ຖືກເຄາະຮ້າຍ ໄດ້ຖືກຖອນແລ້ວ

## Subject kinds: what a subject is (SubjectKind).

# en: Person
subject-kind-PERSON = ບຸກຄົນ
# en: Phone
subject-kind-PHONE = ໂທລະສັບ
# en: Wallet
subject-kind-WALLET = ກະເປົາເງິນຄຣິບໂຕ
# en: Company
subject-kind-COMPANY = ບໍລິສັດ
# en: Bank account
subject-kind-BANK_ACCOUNT = ບັນຊີທະນາຄານ
# en: Online account
subject-kind-ONLINE_ACCOUNT = ບັນຊີອອນລາຍ
# en: Device
subject-kind-DEVICE = ອຸປະກອນ
# en: Identity document
subject-kind-IDENTITY_DOCUMENT = ເອກະສານຢັ້ງຢືນຕົວຕົນ
# en: Vehicle
subject-kind-VEHICLE = ພາຫະນະ
# en: IP address
subject-kind-IP_ADDRESS = ທີ່ຢູ່ IP

## Subject roles: what part a subject plays in the case, as far as the requester knows (SubjectRole).

# en: Suspect
subject-role-SUSPECT = ຜູ້ຕ້ອງສົງໄສ
# en: Possible victim
subject-role-POSSIBLE_VICTIM = ຜູ້ທີ່ອາດເປັນຜູ້ຖືກເຄາະຮ້າຍ
# en: Witness
subject-role-WITNESS = ພະຍານ
# en: Unknown
subject-role-UNKNOWN = ບໍ່ຮູ້

## Identity document types (DocumentType).

# en: Passport
document-type-PASSPORT = ໜັງສືຜ່ານແດນ
# en: National ID
document-type-NATIONAL_ID = ບັດປະຈຳຕົວ
# en: Residence permit
document-type-RESIDENCE_PERMIT = ໃບອະນຸຍາດພັກເຊົາ
# en: Driving licence
document-type-DRIVING_LICENCE = ໃບຂັບຂີ່
# en: Seafarer book
document-type-SEAFARER_BOOK = ປຶ້ມຄົນປະຈຳເຮືອ
# en: Other document
document-type-OTHER_DOCUMENT = ເອກະສານອື່ນ

## Trafficking indicators (proto/src/victims.rs INDICATORS). The first eleven are the ILO
## Indicators of Forced Labour (ILO, 2012); the last three are Liaison's own.

# en: Abuse of vulnerability
indicator-ABUSE_OF_VULNERABILITY = ການສວຍໃຊ້ຄວາມອ່ອນແອ
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-ABUSE_OF_VULNERABILITY-meaning = ໜຶ່ງໃນສິບເອັດຕົວຊີ້ວັດການອອກແຮງງານແບບບັງຄັບຂອງ ILO (ILO, 2012)
# en: Deception
indicator-DECEPTION = ການຫຼອກລວງ
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-DECEPTION-meaning = ໜຶ່ງໃນສິບເອັດຕົວຊີ້ວັດການອອກແຮງງານແບບບັງຄັບຂອງ ILO (ILO, 2012)
# en: Restriction of movement
indicator-RESTRICTION_OF_MOVEMENT = ການຈຳກັດການເຄື່ອນໄຫວ
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-RESTRICTION_OF_MOVEMENT-meaning = ໜຶ່ງໃນສິບເອັດຕົວຊີ້ວັດການອອກແຮງງານແບບບັງຄັບຂອງ ILO (ILO, 2012)
# en: Isolation
indicator-ISOLATION = ການແຍກໃຫ້ໂດດດ່ຽວ
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-ISOLATION-meaning = ໜຶ່ງໃນສິບເອັດຕົວຊີ້ວັດການອອກແຮງງານແບບບັງຄັບຂອງ ILO (ILO, 2012)
# en: Physical and sexual violence
indicator-PHYSICAL_AND_SEXUAL_VIOLENCE = ຄວາມຮຸນແຮງທາງຮ່າງກາຍ ແລະ ທາງເພດ
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-PHYSICAL_AND_SEXUAL_VIOLENCE-meaning = ໜຶ່ງໃນສິບເອັດຕົວຊີ້ວັດການອອກແຮງງານແບບບັງຄັບຂອງ ILO (ILO, 2012)
# en: Intimidation and threats
indicator-INTIMIDATION_AND_THREATS = ການຂົ່ມຂູ່ ແລະ ການນາບຂູ່
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-INTIMIDATION_AND_THREATS-meaning = ໜຶ່ງໃນສິບເອັດຕົວຊີ້ວັດການອອກແຮງງານແບບບັງຄັບຂອງ ILO (ILO, 2012)
# en: Retention of identity documents
indicator-RETENTION_OF_IDENTITY_DOCUMENTS = ການຍຶດເອກະສານຢັ້ງຢືນຕົວຕົນ
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-RETENTION_OF_IDENTITY_DOCUMENTS-meaning = ໜຶ່ງໃນສິບເອັດຕົວຊີ້ວັດການອອກແຮງງານແບບບັງຄັບຂອງ ILO (ILO, 2012)
# en: Withholding of wages
indicator-WITHHOLDING_OF_WAGES = ການກັກຄ່າແຮງງານ
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-WITHHOLDING_OF_WAGES-meaning = ໜຶ່ງໃນສິບເອັດຕົວຊີ້ວັດການອອກແຮງງານແບບບັງຄັບຂອງ ILO (ILO, 2012)
# en: Debt bondage
indicator-DEBT_BONDAGE = ການເປັນແຮງງານໃຊ້ໜີ້
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-DEBT_BONDAGE-meaning = ໜຶ່ງໃນສິບເອັດຕົວຊີ້ວັດການອອກແຮງງານແບບບັງຄັບຂອງ ILO (ILO, 2012)
# en: Abusive working and living conditions
indicator-ABUSIVE_WORKING_AND_LIVING_CONDITIONS = ສະພາບການເຮັດວຽກ ແລະ ການດຳລົງຊີວິດທີ່ລະເມີດ
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-ABUSIVE_WORKING_AND_LIVING_CONDITIONS-meaning = ໜຶ່ງໃນສິບເອັດຕົວຊີ້ວັດການອອກແຮງງານແບບບັງຄັບຂອງ ILO (ILO, 2012)
# en: Excessive overtime
indicator-EXCESSIVE_OVERTIME = ການເຮັດວຽກລ່ວງເວລາເກີນຂອບເຂດ
# en: One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-EXCESSIVE_OVERTIME-meaning = ໜຶ່ງໃນສິບເອັດຕົວຊີ້ວັດການອອກແຮງງານແບບບັງຄັບຂອງ ILO (ILO, 2012)
# en: Forced to commit online fraud (scams) under threat (Liaison's own indicator)
indicator-FORCED_ONLINE_FRAUD = ຖືກບັງຄັບໃຫ້ສໍ້ໂກງທາງອອນລາຍ ພາຍໃຕ້ການຂົ່ມຂູ່ (ຕົວຊີ້ວັດຂອງ Liaison ເອງ)
# en: Liaison's own indicator, not from a standard: a sign of forced criminality reported from scam compounds
indicator-FORCED_ONLINE_FRAUD-meaning = ຕົວຊີ້ວັດຂອງ Liaison ເອງ, ບໍ່ແມ່ນມາຈາກມາດຕະຖານໃດ: ສັນຍານຂອງການບັງຄັບໃຫ້ກະທຳຜິດທາງອາຍາ ທີ່ມີການລາຍງານຈາກບ່ອນດຳເນີນການສໍ້ໂກງທາງອອນລາຍ (scam compound)
# en: Fraud quotas enforced with punishment (Liaison's own indicator)
indicator-QUOTAS_WITH_PUNISHMENT = ໂກຕາການສໍ້ໂກງທີ່ບັງຄັບດ້ວຍການລົງໂທດ (ຕົວຊີ້ວັດຂອງ Liaison ເອງ)
# en: Liaison's own indicator, not from a standard: a sign of forced criminality reported from scam compounds
indicator-QUOTAS_WITH_PUNISHMENT-meaning = ຕົວຊີ້ວັດຂອງ Liaison ເອງ, ບໍ່ແມ່ນມາຈາກມາດຕະຖານໃດ: ສັນຍານຂອງການບັງຄັບໃຫ້ກະທຳຜິດທາງອາຍາ ທີ່ມີການລາຍງານຈາກບ່ອນດຳເນີນການສໍ້ໂກງທາງອອນລາຍ (scam compound)
# en: Sold or transferred between compounds (Liaison's own indicator)
indicator-SOLD_BETWEEN_COMPOUNDS = ຖືກຂາຍ ຫຼື ຍົກຍ້າຍລະຫວ່າງບ່ອນດຳເນີນການ (ຕົວຊີ້ວັດຂອງ Liaison ເອງ)
# en: Liaison's own indicator, not from a standard: a sign of forced criminality reported from scam compounds
indicator-SOLD_BETWEEN_COMPOUNDS-meaning = ຕົວຊີ້ວັດຂອງ Liaison ເອງ, ບໍ່ແມ່ນມາຈາກມາດຕະຖານໃດ: ສັນຍານຂອງການບັງຄັບໃຫ້ກະທຳຜິດທາງອາຍາ ທີ່ມີການລາຍງານຈາກບ່ອນດຳເນີນການສໍ້ໂກງທາງອອນລາຍ (scam compound)

## Legal bases a request is made under (proto/src/legal.rs LEGAL_BASES): a short name,
## and the title as the meaning. ACTIP, UNTOC and MLAT stay untranslated.

# en: UNTOC art. 18
legal-UNTOC_ART_18 = UNTOC ມາດຕາ 18
# en: UN Convention against Transnational Organized Crime, art. 18 (mutual legal assistance)
legal-UNTOC_ART_18-meaning = ສົນທິສັນຍາສະຫະປະຊາຊາດ ວ່າດ້ວຍການຕ້ານອາຊະຍາກຳທີ່ມີການຈັດຕັ້ງຂ້າມຊາດ, ມາດຕາ 18 (ການຊ່ວຍເຫຼືອເຊິ່ງກັນ ແລະ ກັນທາງດ້ານກົດໝາຍ)
# en: UNTOC art. 27
legal-UNTOC_ART_27 = UNTOC ມາດຕາ 27
# en: UN Convention against Transnational Organized Crime, art. 27 (law enforcement cooperation)
legal-UNTOC_ART_27-meaning = ສົນທິສັນຍາສະຫະປະຊາຊາດ ວ່າດ້ວຍການຕ້ານອາຊະຍາກຳທີ່ມີການຈັດຕັ້ງຂ້າມຊາດ, ມາດຕາ 27 (ການຮ່ວມມືດ້ານການບັງຄັບໃຊ້ກົດໝາຍ)
# en: UN Trafficking Protocol
legal-UN_TIP_PROTOCOL = ພິທີສານສະຫະປະຊາຊາດ ວ່າດ້ວຍການຄ້າມະນຸດ
# en: UN Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children
legal-UN_TIP_PROTOCOL-meaning = ພິທີສານສະຫະປະຊາຊາດ ວ່າດ້ວຍການປ້ອງກັນ, ສະກັດກັ້ນ ແລະ ລົງໂທດການຄ້າມະນຸດ ໂດຍສະເພາະແມ່ຍິງ ແລະ ເດັກນ້ອຍ
# en: ACTIP
legal-ACTIP = ACTIP
# en: ASEAN Convention against Trafficking in Persons, Especially Women and Children
legal-ACTIP-meaning = ສົນທິສັນຍາອາຊຽນ ວ່າດ້ວຍການຕ້ານການຄ້າມະນຸດ ໂດຍສະເພາະແມ່ຍິງ ແລະ ເດັກນ້ອຍ
# en: ASEAN MLAT
legal-ASEAN_MLAT = ASEAN MLAT
# en: ASEAN Treaty on Mutual Legal Assistance in Criminal Matters
legal-ASEAN_MLAT-meaning = ສົນທິສັນຍາອາຊຽນ ວ່າດ້ວຍການຊ່ວຍເຫຼືອເຊິ່ງກັນ ແລະ ກັນທາງດ້ານກົດໝາຍໃນເລື່ອງທາງອາຍາ
# en: Budapest Convention art. 29
legal-BUDAPEST_ART_29 = ສົນທິສັນຍາບູດາເປສ ມາດຕາ 29
# en: Convention on Cybercrime (Budapest), art. 29 (expedited preservation of stored computer data)
legal-BUDAPEST_ART_29-meaning = ສົນທິສັນຍາ ວ່າດ້ວຍອາຊະຍາກຳທາງລະບົບຄອມພິວເຕີ (ບູດາເປສ), ມາດຕາ 29 (ການຮັກສາຂໍ້ມູນຄອມພິວເຕີທີ່ຈັດເກັບໄວ້ຢ່າງຮີບດ່ວນ)
# en: Budapest Convention art. 35
legal-BUDAPEST_ART_35 = ສົນທິສັນຍາບູດາເປສ ມາດຕາ 35
# en: Convention on Cybercrime (Budapest), art. 35 (24/7 network)
legal-BUDAPEST_ART_35-meaning = ສົນທິສັນຍາ ວ່າດ້ວຍອາຊະຍາກຳທາງລະບົບຄອມພິວເຕີ (ບູດາເປສ), ມາດຕາ 35 (ເຄືອຂ່າຍ 24/7)
# en: Bilateral agreement
legal-BILATERAL = ຂໍ້ຕົກລົງສອງຝ່າຍ
# en: A bilateral agreement between the two countries (named in the reference)
legal-BILATERAL-meaning = ຂໍ້ຕົກລົງສອງຝ່າຍລະຫວ່າງສອງປະເທດ (ລະບຸໄວ້ໃນເອກະສານອ້າງອີງ)
# en: Police-to-police cooperation
legal-POLICE_COOPERATION = ການຮ່ວມມືລະຫວ່າງຕຳຫຼວດກັບຕຳຫຼວດ
# en: Police-to-police cooperation
legal-POLICE_COOPERATION-meaning = ການຮ່ວມມືລະຫວ່າງຕຳຫຼວດກັບຕຳຫຼວດ
# en: Reciprocity
legal-RECIPROCITY = ຫຼັກການຕ່າງຕອບແທນ
# en: Reciprocity
legal-RECIPROCITY-meaning = ຫຼັກການຕ່າງຕອບແທນ

## Non-punishment provisions a request about a possible victim cites
## (proto/src/legal.rs NON_PUNISHMENT).

# en: ACTIP art. 14(7): consider not holding victims of trafficking criminally or administratively liable for unlawful acts directly related to their trafficking
non-punishment-ACTIP_ART_14_7 = ACTIP ມາດຕາ 14(7): ພິຈາລະນາບໍ່ໃຫ້ຜູ້ຖືກເຄາະຮ້າຍຈາກການຄ້າມະນຸດ ຕ້ອງຮັບຜິດຊອບທາງອາຍາ ຫຼື ທາງບໍລິຫານ ຕໍ່ການກະທຳທີ່ຜິດກົດໝາຍ ທີ່ກ່ຽວຂ້ອງໂດຍກົງກັບການທີ່ເຂົາເຈົ້າຖືກຄ້າມະນຸດ
# en: The requesting country's own non-punishment provision (named in the reference)
non-punishment-NATIONAL_LAW = ບົດບັນຍັດວ່າດ້ວຍການບໍ່ລົງໂທດ ຂອງປະເທດຜູ້ຮ້ອງຂໍເອງ (ລະບຸໄວ້ໃນເອກະສານອ້າງອີງ)

## UNODC ICCS offence codes and titles (proto/data/iccs.tsv: ICCS version 1.0, UNODC 2015,
## a sourced subset). UNODC publishes no official ICCS titles in these languages, so
## translations of them are descriptive.

# en: Acts leading to death or intending to cause death
iccs-01 = ການກະທຳທີ່ນຳໄປສູ່ຄວາມຕາຍ ຫຼື ມີເຈດຕະນາເຮັດໃຫ້ເສຍຊີວິດ
# en: Intentional homicide
iccs-0101 = ການຂ້າຄົນໂດຍເຈດຕະນາ
# en: Attempted intentional homicide
iccs-0102 = ການພະຍາຍາມຂ້າຄົນໂດຍເຈດຕະນາ
# en: Non-intentional homicide
iccs-0103 = ການເຮັດໃຫ້ຄົນເສຍຊີວິດໂດຍບໍ່ເຈດຕະນາ
# en: Assisting or instigating suicide
iccs-0104 = ການຊ່ວຍເຫຼືອ ຫຼື ຍຸຍົງໃຫ້ຂ້າຕົວຕາຍ
# en: Euthanasia
iccs-0105 = ການຊ່ວຍໃຫ້ຕາຍຢ່າງສະຫງົບ (euthanasia)
# en: Unlawful killing associated with armed conflict
iccs-0107 = ການຂ້າທີ່ຜິດກົດໝາຍທີ່ພົວພັນກັບການປະທະກັນດ້ວຍອາວຸດ
# en: Other acts leading to death or intending to cause death
iccs-0109 = ການກະທຳອື່ນທີ່ນຳໄປສູ່ຄວາມຕາຍ ຫຼື ມີເຈດຕະນາເຮັດໃຫ້ເສຍຊີວິດ
# en: Acts causing harm or intending to cause harm to the person
iccs-02 = ການກະທຳທີ່ກໍ່ໃຫ້ເກີດ ຫຼື ມີເຈດຕະນາກໍ່ໃຫ້ເກີດອັນຕະລາຍຕໍ່ບຸກຄົນ
# en: Assaults and threats
iccs-0201 = ການທຳຮ້າຍ ແລະ ການຂົ່ມຂູ່
# en: Assault
iccs-02011 = ການທຳຮ້າຍ
# en: Serious assault
iccs-020111 = ການທຳຮ້າຍຢ່າງຮ້າຍແຮງ
# en: Acts against liberty
iccs-0202 = ການກະທຳຕໍ່ເສລີພາບ
# en: Deprivation of liberty
iccs-02022 = ການລິດຮອນເສລີພາບ
# en: Kidnapping
iccs-020221 = ການລັກພາຕົວ
# en: Slavery and exploitation
iccs-0203 = ການເອົາຄົນເປັນຂ້າທາດ ແລະ ການຂູດຮີດ
# en: Forced labour for domestic services
iccs-020321 = ການບັງຄັບອອກແຮງງານໃນວຽກບ້ານ
# en: Trafficking in persons
iccs-0204 = ການຄ້າມະນຸດ
# en: Trafficking in persons for sexual exploitation
iccs-02041 = ການຄ້າມະນຸດເພື່ອການຂູດຮີດທາງເພດ
# en: Trafficking in persons for forced labour or services
iccs-02042 = ການຄ້າມະນຸດເພື່ອບັງຄັບອອກແຮງງານ ຫຼື ໃຫ້ບໍລິການ
# en: Coercion
iccs-0205 = ການບັງຄັບຂູ່ເຂັນ
# en: Negligence
iccs-0206 = ຄວາມປະໝາດ
# en: Dangerous acts
iccs-0207 = ການກະທຳທີ່ເປັນອັນຕະລາຍ
# en: Acts intended to induce fear or emotional distress
iccs-0208 = ການກະທຳທີ່ມີຈຸດປະສົງໃຫ້ເກີດຄວາມຢ້ານກົວ ຫຼື ຄວາມທຸກທາງຈິດໃຈ
# en: Defamation or insult
iccs-0209 = ການໝິ່ນປະໝາດ ຫຼື ການດູຖູກ
# en: Discrimination
iccs-0210 = ການຈຳແນກ
# en: Acts that trespass against the person
iccs-0211 = ການກະທຳທີ່ລ່ວງລະເມີດຕໍ່ບຸກຄົນ
# en: Other acts causing harm or intending to cause harm to the person
iccs-0219 = ການກະທຳອື່ນທີ່ກໍ່ໃຫ້ເກີດ ຫຼື ມີເຈດຕະນາກໍ່ໃຫ້ເກີດອັນຕະລາຍຕໍ່ບຸກຄົນ
# en: Injurious acts of a sexual nature
iccs-03 = ການກະທຳທີ່ເປັນອັນຕະລາຍທີ່ມີລັກສະນະທາງເພດ
# en: Sexual violence
iccs-0301 = ຄວາມຮຸນແຮງທາງເພດ
# en: Rape
iccs-03011 = ການຂົ່ມຂືນ
# en: Sexual assault
iccs-03012 = ການທຳຮ້າຍທາງເພດ
# en: Other acts of sexual violence
iccs-03019 = ການກະທຳອື່ນທີ່ເປັນຄວາມຮຸນແຮງທາງເພດ
# en: Sexual exploitation
iccs-0302 = ການຂູດຮີດທາງເພດ
# en: Sexual exploitation of children
iccs-03022 = ການຂູດຮີດທາງເພດຕໍ່ເດັກ
# en: Child pornography
iccs-030221 = ສື່ລາມົກເດັກ
# en: Acts against property involving violence or threat against a person
iccs-04 = ການກະທຳຕໍ່ຊັບສິນທີ່ພົວພັນກັບການໃຊ້ຄວາມຮຸນແຮງ ຫຼື ການຂົ່ມຂູ່ຕໍ່ບຸກຄົນ
# en: Robbery
iccs-0401 = ການລັກຊັບໂດຍໃຊ້ກຳລັງ (ການປຸ້ນ)
# en: Acts against property only
iccs-05 = ການກະທຳຕໍ່ຊັບສິນເທົ່ານັ້ນ
# en: Burglary
iccs-0501 = ການບຸກລຸກເຂົ້າລັກຊັບ
# en: Burglary of private residential premises
iccs-05012 = ການບຸກລຸກເຂົ້າລັກຊັບໃນທີ່ຢູ່ອາໄສສ່ວນບຸກຄົນ
# en: Theft
iccs-0502 = ການລັກຊັບ
# en: Theft of a motorized vehicle or parts thereof
iccs-05021 = ການລັກພາຫະນະມີເຄື່ອງຈັກ ຫຼື ອາໄຫຼ່ຂອງມັນ
# en: Theft of a motorized land vehicle
iccs-050211 = ການລັກພາຫະນະມີເຄື່ອງຈັກທາງບົກ
# en: Acts involving controlled drugs or other psychoactive substances
iccs-06 = ການກະທຳທີ່ພົວພັນກັບຢາເສບຕິດທີ່ຖືກຄວບຄຸມ ຫຼື ສານອອກລິດຕໍ່ຈິດປະສາດອື່ນ
# en: Unlawful acts involving controlled drugs or precursors
iccs-0601 = ການກະທຳທີ່ຜິດກົດໝາຍທີ່ພົວພັນກັບຢາເສບຕິດທີ່ຖືກຄວບຄຸມ ຫຼື ສານເຄມີຕັ້ງຕົ້ນ
# en: Acts involving fraud, deception or corruption
iccs-07 = ການກະທຳທີ່ພົວພັນກັບການສໍ້ໂກງ, ການຫຼອກລວງ ຫຼື ການສໍ້ລາດບັງຫຼວງ
# en: Fraud
iccs-0701 = ການສໍ້ໂກງ
# en: Corruption
iccs-0703 = ການສໍ້ລາດບັງຫຼວງ
# en: Bribery
iccs-07031 = ການໃຫ້ ແລະ ການຮັບສິນບົນ
# en: Money laundering
iccs-07041 = ການຟອກເງິນ
# en: Acts against public order, authority and provisions of the State
iccs-08 = ການກະທຳຕໍ່ຄວາມສະຫງົບເປັນລະບຽບຮຽບຮ້ອຍຂອງສັງຄົມ, ອຳນາດ ແລະ ບົດບັນຍັດຂອງລັດ
# en: Smuggling of migrants offences
iccs-08051 = ການກະທຳຜິດກ່ຽວກັບການລັກລອບນຳຄົນເຂົ້າເມືອງ
# en: Acts against public safety and state security
iccs-09 = ການກະທຳຕໍ່ຄວາມປອດໄພສາທາລະນະ ແລະ ຄວາມໝັ້ນຄົງຂອງລັດ
# en: Acts against computer systems
iccs-0903 = ການກະທຳຕໍ່ລະບົບຄອມພິວເຕີ
# en: Unlawful access to a computer system
iccs-09031 = ການເຂົ້າເຖິງລະບົບຄອມພິວເຕີໂດຍບໍ່ຖືກຕ້ອງ
# en: Participation in an organized criminal group
iccs-09051 = ການເຂົ້າຮ່ວມໃນກຸ່ມອາຊະຍາກຳທີ່ມີການຈັດຕັ້ງ
# en: Acts against the natural environment
iccs-10 = ການກະທຳຕໍ່ສິ່ງແວດລ້ອມທຳມະຊາດ
# en: Acts that cause environmental pollution or degradation
iccs-1001 = ການກະທຳທີ່ກໍ່ໃຫ້ເກີດມົນລະພິດ ຫຼື ຄວາມເສື່ອມໂຊມຂອງສິ່ງແວດລ້ອມ
# en: Acts involving the movement or dumping of waste
iccs-1002 = ການກະທຳທີ່ພົວພັນກັບການເຄື່ອນຍ້າຍ ຫຼື ການຖິ້ມສິ່ງເສດເຫຼືອ
# en: Trade or possession of protected or prohibited species of fauna and flora
iccs-1003 = ການຄ້າ ຫຼື ການຄອບຄອງສັດ ແລະ ພືດ ທີ່ຖືກປົກປ້ອງ ຫຼື ຫວງຫ້າມ
# en: Acts that result in the depletion or degradation of natural resources
iccs-1004 = ການກະທຳທີ່ເຮັດໃຫ້ຊັບພະຍາກອນທຳມະຊາດຫຼຸດລົງ ຫຼື ເສື່ອມໂຊມ
# en: Other criminal acts not elsewhere classified
iccs-11 = ການກະທຳຜິດທາງອາຍາອື່ນທີ່ບໍ່ໄດ້ຈັດປະເພດໄວ້ບ່ອນອື່ນ
