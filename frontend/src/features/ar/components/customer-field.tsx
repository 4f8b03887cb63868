import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { customerNameQueryOptions, type CustomerOption } from "../api";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A customer id from the URL (`?customer_id=`), if it looks like one. */
export function customerIdFrom(raw: string | undefined): string {
  return raw && UUID.test(raw) ? raw : "";
}

/**
 * The customer of a form, which may arrive as `?customer_id=` (from an invoice or a
 * statement; the form starts with that id): its name is looked up for the picker
 * until the user picks another one. `onPick` tells the form about a user's choice.
 */
export function usePickedCustomer(
  initialId: string,
  onPick: (id: string) => void,
): [CustomerOption | null, (c: CustomerOption | null) => void] {
  const [picked, setPicked] = useState<CustomerOption | null>(null);
  const [touched, setTouched] = useState(false);
  const initial = useQuery({
    ...customerNameQueryOptions(initialId),
    enabled: initialId !== "" && !touched,
  });
  const set = (c: CustomerOption | null) => {
    setTouched(true);
    setPicked(c);
    onPick(c?.id ?? "");
  };
  return [touched ? picked : (initial.data ?? null), set];
}
