// Remembers recently handled event ids, so a retried delivery is not answered twice.
export class RecentIds {
  private ids = new Map<string, number>();

  constructor(private max = 5000) {}

  /** True the first time an id is seen; false for repeats. */
  first(id: string | undefined): boolean {
    if (!id) return true;
    if (this.ids.has(id)) return false;
    this.ids.set(id, Date.now());
    if (this.ids.size > this.max) this.ids.delete(this.ids.keys().next().value as string);
    return true;
  }
}
