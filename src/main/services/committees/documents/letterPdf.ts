/**
 * The letter notifying a structure that the COPIL excluded one of its Promeneurs: an A4
 * letter with the sender (the departmental network), the addressee (the structure and its
 * legal representative), the place and date, the subject with the decision's reference, and
 * a body the coordinator can sign as it is. The coordinator reviews it in the app before
 * sending; nothing is written to disk.
 */
import { dayMonthYear } from './labels';
import type { ExclusionLetter } from './model';
import { COLORS, finishPdf, FONTS, openPdf, writeText, type Pdf } from './pdfLayout';

/** The addressee's block, top right as French letters have it. */
function addressee(pdf: Pdf, structure: ExclusionLetter['structure']): void {
  // « Claire Dumas, présidente »
  const representative = [structure.representativeName, structure.representativeTitle]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(', ');
  const town = [structure.postalCode?.trim(), structure.commune?.trim()].filter(Boolean).join(' ');
  const lines = [
    representative ? `À l’attention de ${representative}` : null,
    structure.name,
    structure.address?.trim() || null,
    town || null,
  ].filter((line): line is string => line !== null);
  const indent = pdf.width * 0.5;
  pdf.doc.y += 18;
  lines.forEach((line, i) =>
    writeText(pdf, line, { indent, font: i === 1 ? FONTS.bold : FONTS.regular, after: 1 }),
  );
  pdf.doc.y += 22;
}

/** Neutral, as the representative's civility is not recorded. */
const SALUTATION = 'Madame, Monsieur,';

export async function exclusionLetterPdf(letter: ExclusionLetter): Promise<Uint8Array> {
  const { structure, promeneur, decision } = letter;
  const who = `${promeneur.firstName} ${promeneur.lastName}`.trim();
  const network = letter.departmentName.trim()
    ? `Promeneurs du Net — ${letter.departmentName.trim()}`
    : 'Promeneurs du Net';
  const pdf = openPdf({
    title: `Notification d’exclusion — ${who}`,
    subject: `Décision ${decision.reference}`,
  });

  writeText(pdf, network, { font: FONTS.bold, size: 12, color: COLORS.accent, after: 1 });
  writeText(pdf, 'Coordination départementale', { color: COLORS.muted, after: 1 });
  addressee(pdf, structure);

  writeText(pdf, `Le ${dayMonthYear(letter.date)}`, { align: 'right', after: 18 });

  writeText(
    pdf,
    `Objet : sortie de ${who} du réseau des Promeneurs du Net (décision ${decision.reference})`,
    { font: FONTS.bold, after: 14 },
  );

  writeText(pdf, SALUTATION, { after: 10 });
  const paragraphs = [
    `Réuni le ${dayMonthYear(decision.meetingDate)}, le comité de pilotage (COPIL) ` +
      `des Promeneurs du Net a décidé de mettre fin à la participation de ${who}, ` +
      `professionnel·le de votre structure, au réseau départemental des Promeneurs du Net. ` +
      `Cette décision est enregistrée sous la référence ${decision.reference}.`,
    ...(decision.text?.trim() ? [`Motif de la décision : ${decision.text.trim()}`] : []),
    `À compter de la réception de ce courrier, ${who} ne peut plus se présenter comme ` +
      `Promeneur du Net ni utiliser le nom ou le logo du dispositif sur ses profils ` +
      `professionnels. Nous vous remercions de veiller à ce que ces mentions soient retirées, ` +
      `et de nous indiquer si un autre professionnel de votre structure souhaite rejoindre le ` +
      `réseau : la convention qui vous lie à la CAF en tient compte.`,
    `Nous restons à votre disposition pour en parler et vous prions d’agréer, Madame, ` +
      `Monsieur, l’expression de nos salutations distinguées.`,
  ];
  for (const paragraph of paragraphs) writeText(pdf, paragraph, { align: 'justify', after: 10 });

  pdf.doc.y += 24;
  writeText(pdf, 'La coordination départementale des Promeneurs du Net', {
    indent: pdf.width * 0.5,
    after: 1,
  });
  writeText(pdf, 'Signature', { indent: pdf.width * 0.5, color: COLORS.muted });

  return finishPdf(pdf, `Notification d’exclusion — ${who} — décision ${decision.reference}`);
}
