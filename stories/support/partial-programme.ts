/**
 * A small programme with mistakes inside two of its items, for the "partly broken" stories: panel
 * P2 has a convenor without a name (the whole panel is left out) and session P3-2 ends before it
 * starts (that session is left out, with its paper P3-2-a; P3-1-a stays). The rest is valid, so
 * the elements show it and say what they left out. Served from a Blob URL, like any other programme.
 */
export function partialProgramme() {
  const session = (id: string, start: string, end: string, papers: string[]) => ({
    id,
    title: `Session ${id.slice(-1)}`,
    start: `2024-06-09T${start}:00+05:00`,
    end: `2024-06-09T${end}:00+05:00`,
    papers: papers.map((title, i) => ({
      id: `${id}-${'abc'[i]}`,
      title,
      authors: [{ name: 'Saule Ospanova', affiliation: 'Nazarbayev University' }],
      shortAbstract: `${title}: what the paper argues, in two sentences. The full text is in the programme book.`,
    })),
  });
  return {
    version: 1,
    conference: { id: 'storybook-partial', title: 'A programme with mistakes', timeZone: 'Asia/Almaty', locale: 'en' },
    panels: [
      {
        id: 'P1',
        title: 'Water and Power in the Aral Basin',
        format: 'Panel',
        location: 'Room 1',
        sessions: [session('P1-1', '09:00', '10:45', ['Canals and courts', 'Cotton after 1991']), session('P1-2', '11:00', '12:45', ['Dams as diplomacy'])],
      },
      {
        id: 'P2',
        title: 'Steppe Archives',
        location: 'Room 2',
        convenors: [{ affiliation: 'Institute for Steppe History' }],
        sessions: [session('P2-1', '09:00', '10:45', ['Reading the petitions'])],
      },
      {
        id: 'P3',
        title: 'Cinema and Memory',
        format: 'Roundtable',
        location: 'Room 3',
        sessions: [session('P3-1', '13:30', '15:15', ['Archive footage']), session('P3-2', '15:30', '15:00', ['Lost reels'])],
      },
    ],
  };
}

let url: string | undefined;

/** The programme above as a Blob URL, built once per page. */
export function partialProgrammeUrl(): string {
  url ??= URL.createObjectURL(new Blob([JSON.stringify(partialProgramme())], { type: 'application/json' }));
  return url;
}
