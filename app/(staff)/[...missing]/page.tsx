import { notFound } from "next/navigation";

/** An address no page answers: the 404 is shown inside the staff layout, with the menu to go on from. */
export default function Missing(): never {
  notFound();
}
