/**
 * The preview's built-in sample: an English MOD of WTSA Resolution 52 prepared for WTSA-20 (Geneva, 2022),
 * in the markup form of core/markup.ts. It carries four real mistakes for the pane to find:
 * the new revision tag has no comma (`Geneva 2022`), a considering clause was inserted as h) without
 * re-lettering the ones after it, the preamble still names Hammamet, 2016, and there is no Reasons paragraph.
 */
export const SAMPLE_TITLE = 'Sample proposal (Resolution 52)';
export const SAMPLE_FILE_NAME = 'sample-resolution-52.docx';

export const SAMPLE_MARKUP = String.raw`Asia-Pacific Telecommunity Common Proposals for the work of the Assembly
Proposed modification of Resolution 52 - Countering and combating spam
Abstract:\tThis contribution proposes to update Resolution 52 so that ITU-T Study Group 17 continues its work on countering spam, including spam carried over messaging applications.
MOD\tAPT/37A12/1
RESOLUTION 52 (Rev. [-Hammamet, 2016-]{+Geneva 2022+})
Countering and combating spam
(Florianópolis, 2004; Johannesburg, 2008; Dubai, 2012; Hammamet, 2016{+; Geneva, 2022+})
The World Telecommunication Standardization Assembly (Hammamet, 2016),
recognizing
a)\trelevant provisions of the basic instruments of ITU;
b)\tthat the Declaration of Principles of the World Summit on the Information Society (WSIS) states in § 37 that "Spam is a significant and growing problem for users, networks and the Internet as a whole";
c)\tthat the WSIS Plan of Action calls for "appropriate action on spam at national and international levels",
considering
a)\tthat exchanging e-mails and other telecommunications over the Internet has become one of the main means of communication between people around the world;
b)\tthat there are currently a variety of definitions for the term "spam";
c)\tthat spam has become a widespread problem causing potential loss of revenue to Internet service providers, telecommunication operators and business users;
d)\tthat spam creates problems of information and telecommunication network security, and is increasingly being used as a vehicle for phishing and spreading malware;
e)\tthat spamming is used for criminal, fraudulent or deceptive activities;
f)\tthat spam is a global problem that requires international cooperation in order to find solutions;
g)\tthat addressing the issue of spam is a matter of urgency;
+¶ {+h)\tthat spam is increasingly carried over messaging applications and voice over IP services;+}
h)\tthat many countries, in particular developing countries, need help when it comes to countering spam;
i)\tthat technical measures to counter spam represent one of the approaches mentioned in recognizing c) above,
noting
the important technical work carried out to date in ITU-T Study Group 17, and in particular Recommendations ITU-T X.1231, ITU-T X.1240, ITU-T X.1241 and ITU-T X.1245,
resolves to instruct the relevant study groups
1\tto continue to support ongoing work, in particular in Study Group 17, related to countering spam (e.g. e-mail{+, messaging+}) and to accelerate their work on spam in order to address existing and future threats within the remit and expertise of ITU-T, as appropriate;
2\tto continue collaboration with the relevant organizations in order to continue developing, as a matter of urgency, technical Recommendations with a view to exchanging best practices,
instructs the Director of the Telecommunication Standardization Bureau
1\tto provide all necessary assistance with a view to expediting such efforts;
2\tto continue to cooperate with the Secretary-General's initiative on cybersecurity and with the Telecommunication Development Bureau,
invites Member States, Sector Members and Associates
to contribute to this work.`;
