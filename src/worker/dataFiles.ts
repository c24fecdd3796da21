/**
 * The task data of `public/data/`, fetched from the page's own origin under the app's base path:
 * the worker reads it to build tasks, the export menu to embed it in a PyTorch script.
 */
export async function fetchDataFile(name: string): Promise<ArrayBuffer> {
  const response = await fetch(`${import.meta.env.BASE_URL}data/${name}`);
  if (!response.ok) throw new Error(`Could not load data/${name}: HTTP ${response.status}`);
  return response.arrayBuffer();
}
