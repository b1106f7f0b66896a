### status: source
### language: English
###
### Liaison's closed code lists: a display text for each code as the wire
### spells it, and for most lists a one-line meaning. Every other language's
### codes.ftl has exactly these ids (node/locales/check.py checks it).
###
### Where the codes and texts come from:
###   category, purpose, refusal, handling, status, victim-status,
###   subject-kind, subject-role, document-type: the enumerations of
###     proto/src/domain.rs (named_enum!, ALL, as_str). The -meaning texts are
###     client/src/vocabulary.rs (impl Term, fn meaning), word for word. The
###     short display texts are the code in sentence case (not from a source).
###   indicator: proto/src/victims.rs INDICATORS, titles word for word; the
###     -meaning says whether it is an ILO indicator or Liaison's own.
###   legal: proto/src/legal.rs LEGAL_BASES; the -meaning is the title word for
###     word, the display text a short name from the instrument's own
###     abbreviation or short title.
###   non-punishment: proto/src/legal.rs NON_PUNISHMENT, titles word for word.
###   iccs: proto/data/iccs.tsv (UNODC ICCS version 1.0, 2015), titles word
###     for word.
### Change a source, change this file with it (and mark the other languages'
### messages for review).

## Categories: what a request asks the other country to do or check (Category).
## The flags in brackets, e.g. (--person), are the command line's and stay as they are.

category-PERSON_CHECK = Person check
category-PERSON_CHECK-meaning = is this person known to you: identity, record, wanted status (--person)
category-PHONE_CHECK = Phone check
category-PHONE_CHECK-meaning = who holds this phone number, and since when (--phone)
category-WALLET_TRACE = Wallet trace
category-WALLET_TRACE-meaning = who is behind this crypto-currency address, where its funds went (--wallet)
category-COMPANY_CHECK = Company check
category-COMPANY_CHECK-meaning = who registered, runs and owns this company (--company)
category-VICTIM_IDENTIFICATION = Victim identification
category-VICTIM_IDENTIFICATION-meaning = identify a possible victim of trafficking, e.g. a rescued person (--person)
category-EVIDENCE_PRESERVATION = Evidence preservation
category-EVIDENCE_PRESERVATION-meaning = preserve records or data until a formal request follows
category-CASE_NOTIFICATION = Case notification
category-CASE_NOTIFICATION-meaning = tell the other country of a case that concerns it

## Purposes: why the requesting country needs the information (Purpose).

purpose-INVESTIGATION = Investigation
purpose-INVESTIGATION-meaning = for a criminal investigation under way
purpose-PROSECUTION = Prosecution
purpose-PROSECUTION-meaning = for a prosecution or trial
purpose-VICTIM_ASSISTANCE = Victim assistance
purpose-VICTIM_ASSISTANCE-meaning = to protect, assist or bring home a victim
purpose-INTELLIGENCE = Intelligence
purpose-INTELLIGENCE-meaning = for criminal intelligence, not as evidence

## Refusal reasons: why an agency declined to answer (RefusalReason).

refusal-NO_COMPETENT_AGENCY = No competent agency
refusal-NO_COMPETENT_AGENCY-meaning = no agency of this country handles this category
refusal-INSUFFICIENT_INFORMATION = Insufficient information
refusal-INSUFFICIENT_INFORMATION-meaning = the request lacks what is needed to act on it
refusal-NO_LEGAL_BASIS = No legal basis
refusal-NO_LEGAL_BASIS-meaning = this country's law gives no basis to act on it
refusal-PREJUDICE_TO_PROCEEDINGS = Prejudice to proceedings
refusal-PREJUDICE_TO_PROCEEDINGS-meaning = answering would prejudice an investigation or proceeding under way
refusal-OUTSIDE_AGREEMENT = Outside agreement
refusal-OUTSIDE_AGREEMENT-meaning = the request falls outside the sharing agreement
refusal-REQUIRES_MUTUAL_LEGAL_ASSISTANCE = Requires mutual legal assistance
refusal-REQUIRES_MUTUAL_LEGAL_ASSISTANCE-meaning = it must go through formal mutual legal assistance
refusal-DEADLINE_PASSED = Deadline passed
refusal-DEADLINE_PASSED-meaning = the deadline passed before an answer could be given
refusal-OTHER = Other
refusal-OTHER-meaning = another reason, given with --explanation

## Handling codes: how the requester may use released data (HandlingCode).

handling-INTELLIGENCE_ONLY = Intelligence only
handling-INTELLIGENCE_ONLY-meaning = for intelligence only; not to be produced in court
handling-EVIDENCE_WITH_CONSENT = Evidence with consent
handling-EVIDENCE_WITH_CONSENT-meaning = usable as evidence once the answering country consents
handling-NO_ONWARD_SHARING = No onward sharing
handling-NO_ONWARD_SHARING-meaning = not to be passed to any third country or agency outside the requester
handling-VICTIM_PROTECTED = Victim protected
handling-VICTIM_PROTECTED-meaning = about a possible victim: no onward transfer, never evidence against that person, the shortest retention

## Request statuses: where a request is in its lifecycle (RequestStatus).

status-SUBMITTED = Submitted
status-SUBMITTED-meaning = accepted by this node, not yet delivered to the peer
status-SENT = Sent
status-SENT-meaning = delivered: the peer's receipt is held
status-RECEIVED = Received
status-RECEIVED-meaning = received from a peer, not yet routed to an agency
status-ASSIGNED = Assigned
status-ASSIGNED-meaning = routed to an agency, waiting for its answer
status-ANSWERED = Answered
status-ANSWERED-meaning = answered with the fields released (final)
status-REFUSED = Refused
status-REFUSED-meaning = refused, with a reason (final)
status-WITHDRAWN = Withdrawn
status-WITHDRAWN-meaning = withdrawn by the country that sent it (final)
status-EXPIRED = Expired
status-EXPIRED-meaning = its deadline passed without an answer (final)
status-UNDELIVERABLE = Undeliverable
status-UNDELIVERABLE-meaning = the peer refused its delivery for good (final)

## Victim statuses: what a victim-status notification says of its possible victim (VictimStatus).

victim-status-CONFIRMED = Confirmed
victim-status-CONFIRMED-meaning = the competent authority identified the person as a victim
victim-status-WITHDRAWN = Withdrawn
victim-status-WITHDRAWN-meaning = the indication that the person may be a victim is withdrawn

## Subject kinds: what a subject is (SubjectKind).

subject-kind-PERSON = Person
subject-kind-PHONE = Phone
subject-kind-WALLET = Wallet
subject-kind-COMPANY = Company
subject-kind-BANK_ACCOUNT = Bank account
subject-kind-ONLINE_ACCOUNT = Online account
subject-kind-DEVICE = Device
subject-kind-IDENTITY_DOCUMENT = Identity document
subject-kind-VEHICLE = Vehicle
subject-kind-IP_ADDRESS = IP address

## Subject roles: what part a subject plays in the case, as far as the requester knows (SubjectRole).

subject-role-SUSPECT = Suspect
subject-role-POSSIBLE_VICTIM = Possible victim
subject-role-WITNESS = Witness
subject-role-UNKNOWN = Unknown

## Identity document types (DocumentType).

document-type-PASSPORT = Passport
document-type-NATIONAL_ID = National ID
document-type-RESIDENCE_PERMIT = Residence permit
document-type-DRIVING_LICENCE = Driving licence
document-type-SEAFARER_BOOK = Seafarer book
document-type-OTHER_DOCUMENT = Other document

## Trafficking indicators (proto/src/victims.rs INDICATORS). The first eleven are the ILO
## Indicators of Forced Labour (ILO, 2012); the last three are Liaison's own.

indicator-ABUSE_OF_VULNERABILITY = Abuse of vulnerability
indicator-ABUSE_OF_VULNERABILITY-meaning = One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-DECEPTION = Deception
indicator-DECEPTION-meaning = One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-RESTRICTION_OF_MOVEMENT = Restriction of movement
indicator-RESTRICTION_OF_MOVEMENT-meaning = One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-ISOLATION = Isolation
indicator-ISOLATION-meaning = One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-PHYSICAL_AND_SEXUAL_VIOLENCE = Physical and sexual violence
indicator-PHYSICAL_AND_SEXUAL_VIOLENCE-meaning = One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-INTIMIDATION_AND_THREATS = Intimidation and threats
indicator-INTIMIDATION_AND_THREATS-meaning = One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-RETENTION_OF_IDENTITY_DOCUMENTS = Retention of identity documents
indicator-RETENTION_OF_IDENTITY_DOCUMENTS-meaning = One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-WITHHOLDING_OF_WAGES = Withholding of wages
indicator-WITHHOLDING_OF_WAGES-meaning = One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-DEBT_BONDAGE = Debt bondage
indicator-DEBT_BONDAGE-meaning = One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-ABUSIVE_WORKING_AND_LIVING_CONDITIONS = Abusive working and living conditions
indicator-ABUSIVE_WORKING_AND_LIVING_CONDITIONS-meaning = One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-EXCESSIVE_OVERTIME = Excessive overtime
indicator-EXCESSIVE_OVERTIME-meaning = One of the eleven ILO Indicators of Forced Labour (ILO, 2012)
indicator-FORCED_ONLINE_FRAUD = Forced to commit online fraud (scams) under threat (Liaison's own indicator)
indicator-FORCED_ONLINE_FRAUD-meaning = Liaison's own indicator, not from a standard: a sign of forced criminality reported from scam compounds
indicator-QUOTAS_WITH_PUNISHMENT = Fraud quotas enforced with punishment (Liaison's own indicator)
indicator-QUOTAS_WITH_PUNISHMENT-meaning = Liaison's own indicator, not from a standard: a sign of forced criminality reported from scam compounds
indicator-SOLD_BETWEEN_COMPOUNDS = Sold or transferred between compounds (Liaison's own indicator)
indicator-SOLD_BETWEEN_COMPOUNDS-meaning = Liaison's own indicator, not from a standard: a sign of forced criminality reported from scam compounds

## Legal bases a request is made under (proto/src/legal.rs LEGAL_BASES): a short name,
## and the title as the meaning. ACTIP, UNTOC and MLAT stay untranslated.

legal-UNTOC_ART_18 = UNTOC art. 18
legal-UNTOC_ART_18-meaning = UN Convention against Transnational Organized Crime, art. 18 (mutual legal assistance)
legal-UNTOC_ART_27 = UNTOC art. 27
legal-UNTOC_ART_27-meaning = UN Convention against Transnational Organized Crime, art. 27 (law enforcement cooperation)
legal-UN_TIP_PROTOCOL = UN Trafficking Protocol
legal-UN_TIP_PROTOCOL-meaning = UN Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children
legal-ACTIP = ACTIP
legal-ACTIP-meaning = ASEAN Convention against Trafficking in Persons, Especially Women and Children
legal-ASEAN_MLAT = ASEAN MLAT
legal-ASEAN_MLAT-meaning = ASEAN Treaty on Mutual Legal Assistance in Criminal Matters
legal-BUDAPEST_ART_29 = Budapest Convention art. 29
legal-BUDAPEST_ART_29-meaning = Convention on Cybercrime (Budapest), art. 29 (expedited preservation of stored computer data)
legal-BUDAPEST_ART_35 = Budapest Convention art. 35
legal-BUDAPEST_ART_35-meaning = Convention on Cybercrime (Budapest), art. 35 (24/7 network)
legal-BILATERAL = Bilateral agreement
legal-BILATERAL-meaning = A bilateral agreement between the two countries (named in the reference)
legal-POLICE_COOPERATION = Police-to-police cooperation
legal-POLICE_COOPERATION-meaning = Police-to-police cooperation
legal-RECIPROCITY = Reciprocity
legal-RECIPROCITY-meaning = Reciprocity

## Non-punishment provisions a request about a possible victim cites
## (proto/src/legal.rs NON_PUNISHMENT).

non-punishment-ACTIP_ART_14_7 = ACTIP art. 14(7): consider not holding victims of trafficking criminally or administratively liable for unlawful acts directly related to their trafficking
non-punishment-NATIONAL_LAW = The requesting country's own non-punishment provision (named in the reference)

## UNODC ICCS offence codes and titles (proto/data/iccs.tsv: ICCS version 1.0, UNODC 2015,
## a sourced subset). UNODC publishes no official ICCS titles in these languages, so
## translations of them are descriptive.

iccs-01 = Acts leading to death or intending to cause death
iccs-0101 = Intentional homicide
iccs-0102 = Attempted intentional homicide
iccs-0103 = Non-intentional homicide
iccs-0104 = Assisting or instigating suicide
iccs-0105 = Euthanasia
iccs-0107 = Unlawful killing associated with armed conflict
iccs-0109 = Other acts leading to death or intending to cause death
iccs-02 = Acts causing harm or intending to cause harm to the person
iccs-0201 = Assaults and threats
iccs-02011 = Assault
iccs-020111 = Serious assault
iccs-0202 = Acts against liberty
iccs-02022 = Deprivation of liberty
iccs-020221 = Kidnapping
iccs-0203 = Slavery and exploitation
iccs-020321 = Forced labour for domestic services
iccs-0204 = Trafficking in persons
iccs-02041 = Trafficking in persons for sexual exploitation
iccs-02042 = Trafficking in persons for forced labour or services
iccs-0205 = Coercion
iccs-0206 = Negligence
iccs-0207 = Dangerous acts
iccs-0208 = Acts intended to induce fear or emotional distress
iccs-0209 = Defamation or insult
iccs-0210 = Discrimination
iccs-0211 = Acts that trespass against the person
iccs-0219 = Other acts causing harm or intending to cause harm to the person
iccs-03 = Injurious acts of a sexual nature
iccs-0301 = Sexual violence
iccs-03011 = Rape
iccs-03012 = Sexual assault
iccs-03019 = Other acts of sexual violence
iccs-0302 = Sexual exploitation
iccs-03022 = Sexual exploitation of children
iccs-030221 = Child pornography
iccs-04 = Acts against property involving violence or threat against a person
iccs-0401 = Robbery
iccs-05 = Acts against property only
iccs-0501 = Burglary
iccs-05012 = Burglary of private residential premises
iccs-0502 = Theft
iccs-05021 = Theft of a motorized vehicle or parts thereof
iccs-050211 = Theft of a motorized land vehicle
iccs-06 = Acts involving controlled drugs or other psychoactive substances
iccs-0601 = Unlawful acts involving controlled drugs or precursors
iccs-07 = Acts involving fraud, deception or corruption
iccs-0701 = Fraud
iccs-0703 = Corruption
iccs-07031 = Bribery
iccs-07041 = Money laundering
iccs-08 = Acts against public order, authority and provisions of the State
iccs-08051 = Smuggling of migrants offences
iccs-09 = Acts against public safety and state security
iccs-0903 = Acts against computer systems
iccs-09031 = Unlawful access to a computer system
iccs-09051 = Participation in an organized criminal group
iccs-10 = Acts against the natural environment
iccs-1001 = Acts that cause environmental pollution or degradation
iccs-1002 = Acts involving the movement or dumping of waste
iccs-1003 = Trade or possession of protected or prohibited species of fauna and flora
iccs-1004 = Acts that result in the depletion or degradation of natural resources
iccs-11 = Other criminal acts not elsewhere classified
